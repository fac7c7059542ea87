/**
 * A pay sheet: its frozen lines with each component and the totals; recompute and adjust while a
 * draft (workers.manage), review (workers.manage), lock (workers.configure), export.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Skeleton, Space, Table, Tooltip, type TableProps } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, DownloadOutlined, LockOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_RESULT_LABELS, WORKER_POST_LABELS } from '@xj/contracts/domain';
import type { AssessmentResult, PayLineDto, PaySheetDto, WorkerPost } from '@xj/contracts';
import { api, download } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS } from '../../routes';
import { useSession } from '../../session';
import { PayAdjustmentModal } from './PayAdjustmentModal';
import { PaySheetStatusTag } from './PaySheetStatusTag';

const money = (n: number) => n.toLocaleString('zh-CN');
const when = (iso: string | null, who: string | null) => (iso ? `${new Date(iso).toLocaleString('zh-CN')}${who ? ` · ${who}` : ''}` : '—');

export default function PaySheetDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const { label } = useEnumLabels();
  const [sheet, setSheet] = useState<PaySheetDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [adjusting, setAdjusting] = useState<PayLineDto | null>(null);
  const tableBox = useTableScrollRegion(t('workerPay.sheet.linesRegion'), sheet?.lines);

  useEffect(() => {
    const controller = new AbortController();
    api.get<PaySheetDto>(`/api/worker-pay/sheets/${id}`, { signal: controller.signal }).then(setSheet).catch(() => undefined);
    return () => controller.abort();
  }, [id]);

  const act = useCallback(
    async (run: () => Promise<PaySheetDto>, done: string) => {
      setBusy(true);
      try {
        setSheet(await run());
        void message.success(done);
      } catch {
        // shown by the API wrapper
      } finally {
        setBusy(false);
      }
    },
    [message],
  );

  if (!sheet) return <Skeleton active />;
  const draft = sheet.status === 'draft';
  const title = t('workerPay.sheet.summary', { community: sheet.communityName, month: sheet.month });

  const columns: TableProps<PayLineDto>['columns'] = [
    { title: t('workerPay.sheet.name'), key: 'name', fixed: 'left', width: 100, render: (_: unknown, l) => l.worker.name },
    { title: t('workerPay.sheet.post'), dataIndex: 'post', width: 140, render: (p: WorkerPost) => label(WORKER_POST_LABELS, p) },
    { title: t('workerPay.sheet.grade'), dataIndex: 'grade', width: 60, align: 'right' },
    { title: t('workerPay.sheet.base'), dataIndex: 'base', width: 90, align: 'right', render: money },
    { title: t('workerPay.sheet.education'), dataIndex: 'education', width: 90, align: 'right', render: money },
    { title: t('workerPay.sheet.qualification'), dataIndex: 'qualification', width: 90, align: 'right', render: money },
    {
      title: t('workerPay.sheet.seniority'),
      dataIndex: 'seniority',
      width: 90,
      align: 'right',
      render: (n: number, l) => <Tooltip title={t('workerPay.sheet.serviceYears', { n: l.serviceYears })}>{money(n)}</Tooltip>,
    },
    { title: t('workerPay.sheet.result'), dataIndex: 'assessmentResult', width: 100, render: (r: AssessmentResult | null) => (r ? label(ASSESSMENT_RESULT_LABELS, r) : t('workerPay.sheet.noResult')) },
    { title: t('workerPay.sheet.bonus'), dataIndex: 'bonus', width: 90, align: 'right', render: money },
    {
      title: t('workerPay.sheet.adjustment'),
      dataIndex: 'adjustment',
      width: 90,
      align: 'right',
      render: (n: number, l) => (n ? <Tooltip title={l.adjustmentReason}>{money(n)}</Tooltip> : '—'),
    },
    { title: t('workerPay.sheet.lineTotal'), dataIndex: 'total', width: 100, align: 'right', render: (n: number) => <strong>{money(n)}</strong> },
    ...(draft && can('workers.manage')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, l: PayLineDto) => (
              <Button type="link" size="small" onClick={() => setAdjusting(l)} aria-label={t('workerPay.sheet.adjustFor', { name: l.worker.name })}>
                {t('workerPay.sheet.adjust')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const tt = sheet.totals;
  return (
    <>
      <PageHeader
        title={title}
        extra={
          <Space wrap>
            <Link to={PATHS.workerPaySheets}>
              <ArrowLeftOutlined /> {t('workerPay.sheet.back')}
            </Link>
            {sheet.status !== 'locked' && can('workers.manage') && (
              <Button icon={<ReloadOutlined />} loading={busy} onClick={() => void act(() => api.post('/api/worker-pay/sheets', { communityId: sheet.communityId, month: sheet.month }), t('workerPay.sheet.recomputed'))}>
                {t('workerPay.sheet.recompute')}
              </Button>
            )}
            {draft && can('workers.manage') && (
              <Button
                icon={<CheckOutlined />}
                loading={busy}
                onClick={() => modal.confirm({ title: t('workerPay.sheet.review'), content: t('workerPay.sheet.reviewConfirm'), onOk: () => act(() => api.post(`/api/worker-pay/sheets/${sheet.id}/review`, {}), t('workerPay.sheet.reviewed')) })}
              >
                {t('workerPay.sheet.review')}
              </Button>
            )}
            {sheet.status === 'reviewed' && can('workers.configure') && (
              <Button
                type="primary"
                icon={<LockOutlined />}
                loading={busy}
                onClick={() => modal.confirm({ title: t('workerPay.sheet.lock'), content: t('workerPay.sheet.lockConfirm'), onOk: () => act(() => api.post(`/api/worker-pay/sheets/${sheet.id}/lock`, {}), t('workerPay.sheet.locked')) })}
              >
                {t('workerPay.sheet.lock')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} onClick={() => void download(`/api/worker-pay/sheets/${sheet.id}/export.xlsx`, `${title}.xlsx`)}>
              {t('workerPay.sheet.export')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('workerPay.sheets.status')}>
            <PaySheetStatusTag status={sheet.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('workerPay.sheets.version')}>{t('workerPay.versionValue', { version: sheet.schemeVersion })}</Descriptions.Item>
          <Descriptions.Item label={t('workerPay.sheets.total')}>{money(sheet.total)}</Descriptions.Item>
          <Descriptions.Item label={t('workerPay.sheet.computedBy')}>{when(sheet.computedAt, sheet.computedByName)}</Descriptions.Item>
          <Descriptions.Item label={t('workerPay.sheet.reviewedBy')}>{when(sheet.reviewedAt, sheet.reviewedByName)}</Descriptions.Item>
          <Descriptions.Item label={t('workerPay.sheet.lockedBy')}>{when(sheet.lockedAt, sheet.lockedByName)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card style={{ marginTop: 16 }}>
        <div ref={tableBox}>
          <Table<PayLineDto>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={sheet.lines}
            pagination={false}
            scroll={{ x: 1200 }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <strong>{t('workerPay.sheet.totals')}</strong>（{sheet.lines.length}）
                </Table.Summary.Cell>
                {[tt.base, tt.education, tt.qualification, tt.seniority].map((n, i) => (
                  <Table.Summary.Cell key={i} index={3 + i} align="right">
                    {money(n)}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={7} />
                <Table.Summary.Cell index={8} align="right">
                  {money(tt.bonus)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={9} align="right">
                  {money(tt.adjustment)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={10} align="right">
                  <strong>{money(tt.total)}</strong>
                </Table.Summary.Cell>
                {draft && can('workers.manage') && <Table.Summary.Cell index={11} />}
              </Table.Summary.Row>
            )}
          />
        </div>
      </Card>
      <PayAdjustmentModal
        sheetId={sheet.id}
        line={adjusting}
        onClose={() => setAdjusting(null)}
        onDone={(s) => {
          setAdjusting(null);
          setSheet(s);
          void message.success(t('workerPay.sheet.adjusted'));
        }}
      />
    </>
  );
}
