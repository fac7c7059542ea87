/** 经费拨付: requests in scope with filters; request one or a month's batch (funding.manage); approve or reject (funding.approve); export. */
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Typography, type TableProps } from 'antd';
import { CheckOutlined, CloseOutlined, PlusOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { BUDGET_KINDS, BUDGET_KIND_LABELS, DISBURSEMENT_STATUSES, DISBURSEMENT_STATUS_LABELS, formatYuan, type BudgetKind, type DisbursementStatus } from '@xj/contracts/domain';
import type { DisbursementBatchApproveResult, DisbursementDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { usePagedList } from '../../../shared/usePagedList';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect } from '../../components/FilterSelect';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { useSession } from '../../session';
import { DisbursementBatchModal } from './DisbursementBatchModal';
import { DisbursementRequestModal } from './DisbursementRequestModal';
import { fundingYears, monthsOf, thisYear } from './fundingYears';

type Filters = { year?: number; month?: string; kind?: BudgetKind; status?: DisbursementStatus; nodeId?: number };
const STATUS_TONE: Record<DisbursementStatus, Tone> = { pending: 'orange', approved: 'green', rejected: 'red' };

export default function DisbursementsPage() {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const { message, modal } = App.useApp();
  const { label, options } = useEnumLabels();
  const list = usePagedList<DisbursementDto, Filters>('/api/funding/disbursements', { year: thisYear() });
  const tableBox = useTableScrollRegion(t('funding.disbursements.tableRegion'), list.rows);
  const [requesting, setRequesting] = useState(false);
  const [batching, setBatching] = useState(false);
  const [rejecting, setRejecting] = useState<DisbursementDto | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const manage = can('funding.manage');
  const approver = can('funding.approve');
  const mine = (d: DisbursementDto) => d.requestedById === me?.user.id;
  const names = (d: DisbursementDto) => ({ payee: d.payee, month: d.month });

  const approve = async (d: DisbursementDto) => {
    setBusy(d.id);
    try {
      await api.post(`/api/funding/disbursements/${d.id}/approve`, {});
      void message.success(t('funding.disbursements.approvedMsg'));
      list.reload();
    } catch {
      // shown by the API wrapper
    } finally {
      setBusy(null);
    }
  };
  /** The pending requests on this page that the user may decide (not their own). */
  const decidable = list.rows.filter((d) => d.status === 'pending' && !mine(d));
  const approvePage = async () => {
    const r = await api.post<DisbursementBatchApproveResult>('/api/funding/disbursements/approve-batch', { ids: decidable.map((d) => d.id) });
    const refused = r.results.filter((x) => !x.ok);
    const summary = t('funding.disbursements.batchApproveDone', { approved: r.approved, refused: r.refused });
    if (refused.length) {
      modal.warning({
        title: summary,
        content: (
          <ul>
            {refused.slice(0, 10).map((x) => (
              <li key={x.id}>{t('funding.disbursements.batchApproveRefused', { id: x.id, message: x.message })}</li>
            ))}
          </ul>
        ),
      });
    } else void message.success(summary);
    list.reload();
  };

  const columns: TableProps<DisbursementDto>['columns'] = [
    { title: t('funding.month'), dataIndex: 'month', width: 90 },
    { title: t('funding.node'), dataIndex: 'nodeName' },
    { title: t('funding.kind'), dataIndex: 'kind', render: (k: BudgetKind) => label(BUDGET_KIND_LABELS, k) },
    { title: t('funding.payee'), dataIndex: 'payee' },
    { title: t('funding.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => formatYuan(f) },
    { title: t('funding.purpose'), dataIndex: 'purpose', ellipsis: true },
    { title: t('funding.status'), dataIndex: 'status', width: 90, render: (s: DisbursementStatus) => <ToneTag tone={STATUS_TONE[s]}>{label(DISBURSEMENT_STATUS_LABELS, s)}</ToneTag> },
    { title: t('funding.requester'), key: 'requester', render: (_: unknown, d) => <>{d.requestedByName ?? '—'}<br /><Typography.Text type="secondary">{dayjs(d.requestedAt).format('YYYY-MM-DD')}</Typography.Text></> },
    {
      title: t('funding.decided'),
      key: 'decided',
      render: (_: unknown, d) =>
        d.decidedAt ? (
          <>
            {d.decidedByName ?? '—'} · {dayjs(d.decidedAt).format('YYYY-MM-DD')}
            {d.decisionNote && (
              <>
                <br />
                <Typography.Text type="secondary">{d.decisionNote}</Typography.Text>
              </>
            )}
          </>
        ) : (
          '—'
        ),
    },
    ...(approver
      ? [
          {
            title: t('funding.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, d: DisbursementDto) =>
              d.status === 'pending' &&
              (mine(d) ? (
                <Typography.Text type="secondary">{t('funding.disbursements.ownRequest')}</Typography.Text>
              ) : (
                <Space size={0}>
                  <Button type="link" size="small" icon={<CheckOutlined />} loading={busy === d.id} aria-label={t('funding.disbursements.approveFor', names(d))} onClick={() => void approve(d)}>
                    {t('funding.disbursements.approve')}
                  </Button>
                  <Button type="link" size="small" danger icon={<CloseOutlined />} aria-label={t('funding.disbursements.rejectFor', names(d))} onClick={() => setRejecting(d)}>
                    {t('funding.disbursements.reject')}
                  </Button>
                </Space>
              )),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('funding.disbursements.title')}
        description={t('funding.disbursements.description')}
        extra={
          <Space wrap>
            <ExportButton path="/api/funding/disbursements/export.xlsx" filters={list.filters} fallbackName={t('funding.disbursements.exportName')} canUnmask={false} />
            {approver && decidable.length > 0 && (
              <Popconfirm title={t('funding.disbursements.approvePageConfirm', { count: decidable.length })} onConfirm={() => approvePage().catch(() => undefined)}>
                <Button icon={<CheckOutlined />}>{t('funding.disbursements.approvePage', { count: decidable.length })}</Button>
              </Popconfirm>
            )}
            {manage && (
              <>
                <Button icon={<TeamOutlined />} onClick={() => setBatching(true)}>
                  {t('funding.disbursements.batch')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
                  {t('funding.disbursements.request')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Card title={<h2 className="card-title">{t('funding.disbursements.listTitle')}</h2>}>
        <div className="filter-bar" role="search" aria-label={t('funding.filters')}>
          <FilterSelect<number>
            label={t('funding.year')}
            placeholder={t('funding.allYears')}
            value={list.filters.year}
            onChange={(year) => list.setFilters({ year, month: undefined })}
            options={fundingYears().map((y) => ({ value: y, label: t('funding.yearValue', { year: y }) }))}
          />
          <FilterSelect<string>
            label={t('funding.month')}
            placeholder={t('funding.allMonths')}
            value={list.filters.month}
            onChange={(month) => list.setFilters({ month })}
            options={monthsOf(list.filters.year ?? thisYear()).map((m) => ({ value: m, label: m }))}
          />
          <FilterSelect<BudgetKind>
            label={t('funding.kind')}
            placeholder={t('funding.allKinds')}
            value={list.filters.kind}
            onChange={(kind) => list.setFilters({ kind })}
            options={options(BUDGET_KINDS, BUDGET_KIND_LABELS) as { value: BudgetKind; label: string }[]}
            wideDropdown
          />
          <FilterSelect<DisbursementStatus>
            label={t('funding.status')}
            placeholder={t('funding.allStatuses')}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={options(DISBURSEMENT_STATUSES, DISBURSEMENT_STATUS_LABELS) as { value: DisbursementStatus; label: string }[]}
          />
          <NodeTreeSelect className="filter-select" deep={false} aria-label={t('funding.nodeFilter')} placeholder={t('funding.nodeFilter')} value={list.filters.nodeId} onChange={(nodeId) => list.setFilters({ nodeId })} />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<DisbursementDto>
            rowKey="id"
            columns={columns}
            dataSource={list.rows}
            loading={list.loading}
            scroll={{ x: 1200 }}
            pagination={list.pagination}
          />
        </div>
      </Card>
      <DisbursementRequestModal
        open={requesting}
        onClose={() => setRequesting(false)}
        onDone={() => {
          setRequesting(false);
          void message.success(t('funding.disbursements.requested'));
          list.reload();
        }}
      />
      <DisbursementBatchModal
        open={batching}
        onClose={() => setBatching(false)}
        onDone={(r) => {
          setBatching(false);
          void message.success(t('funding.disbursements.batchDone', { created: r.created, skipped: r.skipped }));
          list.reload();
        }}
      />
      <ReasonModal
        open={rejecting !== null}
        title={t('funding.disbursements.rejectTitle')}
        hint={t('funding.disbursements.rejectHint')}
        placeholder={t('funding.disbursements.rejectPlaceholder')}
        okText={t('funding.disbursements.reject')}
        onClose={() => setRejecting(null)}
        onSubmit={async (reason) => {
          await api.post(`/api/funding/disbursements/${rejecting!.id}/reject`, { reason }, { silent: true });
          setRejecting(null);
          void message.success(t('funding.disbursements.rejectedMsg'));
          list.reload();
        }}
      />
    </>
  );
}
