/** 月度工资表: sheets in scope (community, month, status, total) and computing one (workers.manage). */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Table, type TableProps } from 'antd';
import { CalculatorOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PAY_SHEET_STATUSES, PAY_SHEET_STATUS_LABELS, type PaySheetStatus } from '@xj/contracts/domain';
import type { PaySheetSummaryDto } from '@xj/contracts';
import { usePagedList } from '../../../shared/usePagedList';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { workerPaySheetPath } from '../../routes';
import { useSession } from '../../session';
import { PayComputeModal } from './PayComputeModal';
import { PaySheetStatusTag } from './PaySheetStatusTag';
import { recentMonths } from './payMonths';

type Filters = { status?: PaySheetStatus; month?: string };

export default function PaySheetsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { options } = useEnumLabels();
  const list = usePagedList<PaySheetSummaryDto, Filters>('/api/worker-pay/sheets', {});
  const tableBox = useTableScrollRegion(t('workerPay.sheets.tableRegion'), list.rows);
  const [computing, setComputing] = useState(false);

  const columns: TableProps<PaySheetSummaryDto>['columns'] = [
    {
      title: t('workerPay.sheets.community'),
      dataIndex: 'communityName',
      render: (name: string, s) => (
        <Link to={workerPaySheetPath(s.id)} aria-label={t('workerPay.sheets.view', { community: name, month: s.month })}>
          {name}
        </Link>
      ),
    },
    { title: t('workerPay.sheets.month'), dataIndex: 'month', width: 100 },
    { title: t('workerPay.sheets.status'), dataIndex: 'status', width: 100, render: (s: PaySheetStatus) => <PaySheetStatusTag status={s} /> },
    { title: t('workerPay.sheets.workers'), dataIndex: 'workers', width: 80, align: 'right' },
    { title: t('workerPay.sheets.total'), dataIndex: 'total', width: 140, align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
    { title: t('workerPay.sheets.version'), dataIndex: 'schemeVersion', width: 110, render: (v: number) => t('workerPay.versionValue', { version: v }) },
  ];

  return (
    <>
      <PageHeader
        title={t('workerPay.sheets.title')}
        description={t('workerPay.sheets.description')}
        extra={
          can('workers.manage') && (
            <Button type="primary" icon={<CalculatorOutlined />} onClick={() => setComputing(true)}>
              {t('workerPay.sheets.compute')}
            </Button>
          )
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('workerPay.sheets.filters')}>
          <FilterSelect<string>
            label={t('workerPay.sheets.month')}
            placeholder={t('workerPay.sheets.monthPlaceholder')}
            value={list.filters.month}
            onChange={(month) => list.setFilters({ month })}
            options={recentMonths().map((m) => ({ value: m, label: m }))}
          />
          <FilterSelect<PaySheetStatus>
            label={t('workerPay.sheets.status')}
            placeholder={t('workerPay.sheets.allStatuses')}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={options(PAY_SHEET_STATUSES, PAY_SHEET_STATUS_LABELS) as { value: PaySheetStatus; label: string }[]}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<PaySheetSummaryDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 800 }} pagination={list.pagination} />
        </div>
      </Card>
      <PayComputeModal
        open={computing}
        onClose={() => setComputing(false)}
        onDone={(s) => {
          setComputing(false);
          void message.success(t('workerPay.sheets.computed', { community: s.communityName, month: s.month }));
          void navigate(workerPaySheetPath(s.id));
        }}
      />
    </>
  );
}
