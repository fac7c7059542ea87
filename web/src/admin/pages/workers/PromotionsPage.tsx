/**
 * 晋级管理: the promotion rules, who is due in scope (with the reason each rule is met), and
 * applying a promotion with a reason (workers.configure; the server checks eligibility again).
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Table, Typography, type TableProps } from 'antd';
import { EditOutlined, RiseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { WORKER_POST_LABELS, WORKER_QUALIFICATION_LABELS, type WorkerPost } from '@xj/contracts/domain';
import type { PromotionDueDto, PromotionResultDto, PromotionRulesDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { workerPath } from '../../routes';
import { useSession } from '../../session';
import { PromotionRulesModal } from './PromotionRulesModal';

export default function PromotionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [answer, setAnswer] = useState<{ data: PromotionDueDto[]; rules: PromotionRulesDto } | null>(null);
  const [version, setVersion] = useState(0);
  const [applying, setApplying] = useState<PromotionDueDto | null>(null);
  const [editing, setEditing] = useState(false);
  const tableBox = useTableScrollRegion(t('workerPay.promotions.dueRegion'), answer?.data);

  useEffect(() => {
    const controller = new AbortController();
    api.get<{ data: PromotionDueDto[]; rules: PromotionRulesDto }>('/api/worker-pay/promotions/due', { signal: controller.signal }).then(setAnswer).catch(() => undefined);
    return () => controller.abort();
  }, [version]);

  const rules = answer?.rules ?? null;
  const columns: TableProps<PromotionDueDto>['columns'] = [
    { title: t('workerPay.promotions.worker'), key: 'name', width: 100, render: (_: unknown, d) => <Link to={workerPath(d.worker.id)}>{d.worker.name}</Link> },
    { title: t('workerPay.promotions.community'), key: 'community', width: 120, render: (_: unknown, d) => d.worker.communityName },
    { title: t('workerPay.promotions.post'), key: 'post', width: 140, render: (_: unknown, d) => label(WORKER_POST_LABELS, d.worker.post as WorkerPost) },
    { title: t('workerPay.promotions.grade'), key: 'grade', width: 70, align: 'right', render: (_: unknown, d) => d.worker.grade },
    { title: t('workerPay.promotions.gradeSince'), dataIndex: 'gradeSince', width: 110 },
    { title: t('workerPay.promotions.toGrade'), dataIndex: 'toGrade', width: 70, align: 'right' },
    {
      title: t('workerPay.promotions.reasons'),
      key: 'checks',
      render: (_: unknown, d) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {d.checks.map((c) => (
            <li key={c.rule}>{c.detail}</li>
          ))}
        </ul>
      ),
    },
    ...(can('workers.configure')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, d: PromotionDueDto) => (
              <Button type="link" size="small" icon={<RiseOutlined />} onClick={() => setApplying(d)} aria-label={t('workerPay.promotions.applyFor', { name: d.worker.name })}>
                {t('workerPay.promotions.apply')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('workerPay.promotions.title')} description={t('workerPay.promotions.description')} />
      <Card
        title={t('workerPay.promotions.rules')}
        extra={
          can('workers.configure') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!rules}>
              {t('workerPay.promotions.editRules')}
            </Button>
          )
        }
      >
        {rules && (
          <>
            {rules.isDefault && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('workerPay.promotions.rulesDefault')} />}
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="1">{t('workerPay.promotions.yearsAtGrade', { n: rules.yearsAtGrade })}</Descriptions.Item>
              <Descriptions.Item label="2">
                {t('workerPay.promotions.assessment', { rounds: rules.roundsConsidered, min: rules.minCompetentResults, basic: rules.allowBasicallyCompetent ? '' : t('workerPay.promotions.noBasic') })}
              </Descriptions.Item>
              <Descriptions.Item label="3">
                {t('workerPay.promotions.qualification', { grade: rules.qualifiedFromGrade, certs: rules.qualifications.map((q) => label(WORKER_QUALIFICATION_LABELS, q)).join('、') || '—' })}
              </Descriptions.Item>
              <Descriptions.Item label="4">{t('workerPay.promotions.maxGrade')}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Card>
      <Card title={t('workerPay.promotions.due')} style={{ marginTop: 16 }}>
        <div ref={tableBox}>
          <Table<PromotionDueDto>
            rowKey={(d) => d.worker.id}
            columns={columns}
            dataSource={answer?.data ?? []}
            loading={!answer}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('workerPay.promotions.none')}</Typography.Text> }}
          />
        </div>
      </Card>
      <ReasonModal
        open={!!applying}
        title={applying ? t('workerPay.promotions.applyTitle', { name: applying.worker.name, from: applying.worker.grade, to: applying.toGrade }) : ''}
        hint={t('workerPay.promotions.applyHint')}
        okText={t('workerPay.promotions.apply')}
        placeholder={t('workerPay.promotions.applyPlaceholder')}
        onClose={() => setApplying(null)}
        onSubmit={async (reason) => {
          const r = await api.post<PromotionResultDto>('/api/worker-pay/promotions', { workerId: applying!.worker.id, reason }, { silent: true });
          void message.success(t('workerPay.promotions.applied', { name: applying!.worker.name, grade: r.toGrade }));
          setApplying(null);
          setVersion((v) => v + 1);
        }}
      />
      <PromotionRulesModal
        rules={rules}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('workerPay.promotions.rulesSaved'));
          setVersion((v) => v + 1);
        }}
      />
    </>
  );
}
