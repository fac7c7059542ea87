/** 经费预算: budget lines per year, unit and kind with what is approved, pending and left; create, edit, delete and export. */
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, type TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { BUDGET_KINDS, BUDGET_KIND_LABELS, formatYuan, percentOfPermille, type BudgetKind } from '@xj/contracts/domain';
import type { BudgetLineDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { usePagedList } from '../../../shared/usePagedList';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect } from '../../components/FilterSelect';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { useSession } from '../../session';
import { BudgetLineModal } from './BudgetLineModal';
import { fundingYears, thisYear } from './fundingYears';

type Filters = { year?: number; kind?: BudgetKind; nodeId?: number };
const money = (fen: number) => formatYuan(fen);

export default function BudgetsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { label, options } = useEnumLabels();
  const list = usePagedList<BudgetLineDto, Filters>('/api/funding/lines', { year: thisYear() });
  const tableBox = useTableScrollRegion(t('funding.budgets.tableRegion'), list.rows);
  const [editing, setEditing] = useState<BudgetLineDto | null | undefined>(undefined);
  const manage = can('funding.manage');
  const name = (l: BudgetLineDto) => `${l.nodeName}${label(BUDGET_KIND_LABELS, l.kind)}`;

  const remove = async (l: BudgetLineDto) => {
    await api.del(`/api/funding/lines/${l.id}`);
    void message.success(t('funding.budgets.deleted'));
    list.reload();
  };

  const columns: TableProps<BudgetLineDto>['columns'] = [
    { title: t('funding.year'), dataIndex: 'year', width: 80 },
    { title: t('funding.node'), key: 'node', render: (_: unknown, l) => l.nodePathNames.slice(-2).join(' / ') || l.nodeName },
    { title: t('funding.kind'), dataIndex: 'kind', render: (k: BudgetKind) => label(BUDGET_KIND_LABELS, k) },
    { title: t('funding.budget'), dataIndex: 'budgetFen', align: 'right', render: money },
    { title: t('funding.approved'), dataIndex: 'approvedFen', align: 'right', render: money },
    { title: t('funding.pending'), dataIndex: 'pendingFen', align: 'right', render: money },
    { title: t('funding.remaining'), dataIndex: 'remainingFen', align: 'right', render: money },
    { title: t('funding.used'), dataIndex: 'usedPermille', align: 'right', width: 90, render: (p: number | null) => percentOfPermille(p) },
    { title: t('funding.note'), dataIndex: 'note', ellipsis: true },
    ...(manage
      ? [
          {
            title: t('funding.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, l: BudgetLineDto) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} aria-label={t('funding.budgets.editFor', { name: name(l) })} onClick={() => setEditing(l)} />
                {l.disbursements === 0 && (
                  <Popconfirm title={t('funding.budgets.deleteConfirm')} onConfirm={() => remove(l)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('funding.budgets.deleteFor', { name: name(l) })} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('funding.budgets.title')}
        description={t('funding.budgets.description')}
        extra={
          <Space wrap>
            <ExportButton path="/api/funding/lines/export.xlsx" filters={list.filters} fallbackName={t('funding.budgets.exportName')} canUnmask={false} />
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('funding.budgets.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Card title={<h2 className="card-title">{t('funding.budgets.listTitle')}</h2>}>
        <div className="filter-bar" role="search" aria-label={t('funding.filters')}>
          <FilterSelect<number>
            label={t('funding.year')}
            placeholder={t('funding.allYears')}
            value={list.filters.year}
            onChange={(year) => list.setFilters({ year })}
            options={fundingYears().map((y) => ({ value: y, label: t('funding.yearValue', { year: y }) }))}
          />
          <FilterSelect<BudgetKind>
            label={t('funding.kind')}
            placeholder={t('funding.allKinds')}
            value={list.filters.kind}
            onChange={(kind) => list.setFilters({ kind })}
            options={options(BUDGET_KINDS, BUDGET_KIND_LABELS) as { value: BudgetKind; label: string }[]}
            wideDropdown
          />
          <NodeTreeSelect className="filter-select" deep={false} aria-label={t('funding.nodeFilter')} placeholder={t('funding.nodeFilter')} value={list.filters.nodeId} onChange={(nodeId) => list.setFilters({ nodeId })} />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<BudgetLineDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1000 }} pagination={list.pagination} />
        </div>
      </Card>
      <BudgetLineModal
        open={editing !== undefined}
        line={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void message.success(t('funding.budgets.saved'));
          list.reload();
        }}
      />
    </>
  );
}
