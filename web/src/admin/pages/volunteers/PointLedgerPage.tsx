/**
 * 个人积分: pick a person (or arrive with /points/ledger/:personId from the members view) to see
 * their balance and every ledger entry, newest first. Entries are never changed: a mistake is
 * put right with a reversal (冲正) or a manual adjustment, each with a reason (points.manage).
 */
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Empty, Flex, Form, Statistic, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIMITS, POINT_ENTRY_KIND_LABELS } from '@xj/contracts/domain';
import type { PointEntryDto, PointLedgerDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { ToneTag } from '../../components/ToneTag';
import { PersonSelect } from '../../registry/PersonSelect';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS, pointLedgerPath } from '../../routes';
import { useSession } from '../../session';
import { PointAdjustmentModal } from './PointAdjustmentModal';
import { dateTime } from './volunteerFormat';

export default function PointLedgerPage() {
  const { t } = useTranslation();
  const params = useParams();
  const personId = params.personId ? Number(params.personId) : undefined;
  const navigate = useNavigate();
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [ledger, setLedger] = useState<PointLedgerDto | null>(null);
  const [loading, setLoading] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(LIMITS.pageSizeDefault);
  const [reversing, setReversing] = useState<PointEntryDto | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const canManage = can('points.manage');

  const load = useCallback(() => {
    if (!personId) return;
    setLoading(true);
    api
      .get<PointLedgerDto>(`/api/points/people/${personId}/ledger`, { query: { page, pageSize } })
      .then(setLedger)
      .catch(() => setLedger(null))
      .finally(() => setLoading(false));
  }, [personId, page, pageSize]);
  useEffect(load, [load]);

  const corrected = (text: string) => {
    void message.success(text);
    setPage(1);
    load();
  };

  const columns: TableProps<PointEntryDto>['columns'] = [
    { title: t('volunteers.points.entryAt'), dataIndex: 'createdAt', width: 140, render: dateTime },
    { title: t('volunteers.points.entryKind'), dataIndex: 'kind', width: 110, render: (k: PointEntryDto['kind']) => label(POINT_ENTRY_KIND_LABELS, k) },
    {
      title: t('volunteers.points.entryLabel'),
      key: 'label',
      render: (_: unknown, r) => (
        <>
          {r.label}
          {r.note && <Typography.Text type="secondary">（{r.note}）</Typography.Text>}
          {r.reversedByEntryId && <ToneTag tone="grey">{t('volunteers.points.reversedTag')}</ToneTag>}
        </>
      ),
    },
    { title: t('volunteers.points.delta'), dataIndex: 'delta', width: 80, align: 'right', render: (d: number) => (d > 0 ? `+${d}` : String(d)) },
    { title: t('volunteers.points.balanceAfter'), dataIndex: 'balanceAfter', width: 90, align: 'right' },
    { title: t('volunteers.points.actor'), dataIndex: 'actorName', width: 100, render: (v: string | null) => v ?? '—' },
  ];
  if (canManage) {
    columns.push({
      title: t('volunteers.common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, r) =>
        r.kind !== 'reversal' &&
        !r.reversedByEntryId && (
          <Button size="small" autoInsertSpace={false} danger onClick={() => setReversing(r)} aria-label={t('volunteers.points.reverseFor', { label: r.label, at: dateTime(r.createdAt) })}>
            {t('volunteers.points.reverse')}
          </Button>
        ),
    });
  }

  return (
    <>
      <PageHeader title={t('nav.pointLedger')} description={t('volunteers.points.ledgerDescription')} />
      <Card>
        <Form layout="vertical">
          <Form.Item label={t('volunteers.points.pickPerson')} htmlFor="ledger-person" style={{ maxWidth: 480, marginBottom: 0 }}>
            <PersonSelect
              id="ledger-person"
              value={personId}
              fallbackLabel={ledger?.name}
              onChange={(id) => {
                setPage(1);
                void navigate(id ? pointLedgerPath(id) : PATHS.pointLedger);
              }}
            />
          </Form.Item>
        </Form>
      </Card>
      {!personId ? (
        <Card style={{ marginTop: 16 }}>
          <Empty description={t('volunteers.points.pickPersonHint')} />
        </Card>
      ) : (
        <Card style={{ marginTop: 16 }} title={ledger?.name ?? ' '}>
          <Flex wrap gap={24} align="center" justify="space-between" style={{ marginBottom: 16 }}>
            <Statistic title={t('volunteers.points.balance')} value={ledger?.balance ?? 0} loading={loading && !ledger} />
            {canManage && ledger && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdjusting(true)}>
                {t('volunteers.points.adjust')}
              </Button>
            )}
          </Flex>
          <Table<PointEntryDto>
            rowKey="id"
            columns={columns}
            dataSource={ledger?.data ?? []}
            loading={loading}
            scroll={{ x: 800 }}
            pagination={{
              current: page,
              pageSize,
              total: ledger?.pagination.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
          />
        </Card>
      )}
      {personId && (
        <>
          <PointAdjustmentModal
            open={adjusting}
            personId={personId}
            name={ledger?.name ?? ''}
            onClose={() => setAdjusting(false)}
            onDone={() => {
              setAdjusting(false);
              corrected(t('volunteers.points.adjusted'));
            }}
          />
          <ReasonModal
            open={!!reversing}
            title={t('volunteers.points.reverseTitle')}
            hint={reversing ? t('volunteers.points.reverseHint', { label: reversing.label, delta: reversing.delta }) : undefined}
            okText={t('volunteers.points.reverse')}
            onClose={() => setReversing(null)}
            onSubmit={async (reason) => {
              await api.post(`/api/points/people/${personId}/reversals`, { entryId: reversing!.id, reason }, { silent: true });
              setReversing(null);
              corrected(t('volunteers.points.reversed'));
            }}
          />
        </>
      )}
    </>
  );
}
