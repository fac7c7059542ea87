/** One assessment round: its indicators, the workers in scope with their results, scoring (workers.manage) and closing. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_RESULTS, ASSESSMENT_ROUND_KIND_LABELS, WORKER_POST_LABELS } from '@xj/contracts/domain';
import type { AssessmentRoundDto, AssessmentRowDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS } from '../../routes';
import { AssessmentLevelTag } from './AssessmentLevels';
import { AssessmentScoreModal } from './AssessmentScoreModal';
import { AssessmentStatusTag } from './AssessmentsPage';

export default function AssessmentDetailPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { label } = useEnumLabels();
  const { id } = useParams();
  const roundId = Number(id);
  const [round, setRound] = useState<AssessmentRoundDto | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [scoring, setScoring] = useState<AssessmentRowDto | null>(null);

  const load = useCallback(() => {
    api
      .get<AssessmentRoundDto>(`/api/worker-development/rounds/${roundId}`, { silent: true })
      .then(setRound)
      .catch((e: unknown) => setLoadError(isApiError(e) ? e.message : t('errors.generic')));
  }, [roundId, t]);
  useEffect(load, [load]);

  const close = () =>
    modal.confirm({
      title: t('workerDev.detail.closeConfirm', { name: round?.name }),
      content: t('workerDev.detail.closeHint', { unscored: (round?.workers ?? 0) - (round?.scored ?? 0) }),
      okText: t('workerDev.detail.close'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setRound(await api.post<AssessmentRoundDto>(`/api/worker-development/rounds/${roundId}/close`, {}));
        void message.success(t('workerDev.detail.closed'));
      },
    });

  if (loadError) return <Alert type="error" showIcon title={loadError} />;
  if (!round) return <Skeleton active />;

  const columns: TableProps<AssessmentRowDto>['columns'] = [
    { title: t('workerDev.common.community'), key: 'community', width: 130, render: (_: unknown, r) => r.worker.communityName },
    { title: t('workerDev.common.name'), key: 'name', width: 100, render: (_: unknown, r) => r.worker.name },
    { title: t('workerDev.common.post'), key: 'post', width: 150, render: (_: unknown, r) => `${label(WORKER_POST_LABELS, r.worker.post)} · ${t('workerDev.common.gradeValue', { grade: r.worker.grade })}` },
    ...round.indicators.map((i) => ({
      title: `${i.name}（${i.weight}%）`,
      key: i.code,
      width: 100,
      align: 'right' as const,
      render: (_: unknown, r: AssessmentRowDto) => r.score?.scores[i.code] ?? '—',
    })),
    { title: t('workerDev.detail.total'), key: 'total', width: 80, align: 'right', render: (_: unknown, r) => (r.score ? r.score.total.toFixed(2) : '—') },
    {
      title: t('workerDev.detail.level'),
      key: 'level',
      width: 150,
      render: (_: unknown, r) =>
        r.score ? (
          <Space size={4} wrap>
            <AssessmentLevelTag level={r.score.result} />
            {r.score.result !== r.score.earned && <Typography.Text type="secondary">{t('workerDev.detail.lowered')}</Typography.Text>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('workerDev.detail.unscored')}</Typography.Text>
        ),
    },
    { title: t('workerDev.detail.comment'), key: 'comment', ellipsis: true, render: (_: unknown, r) => r.score?.comment ?? '' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.canScore ? (
          <Button
            size="small"
            onClick={() => setScoring(r)}
            aria-label={t('workerDev.detail.scoreFor', { action: r.score ? t('workerDev.detail.rescore') : t('workerDev.detail.score'), name: r.worker.name })}
          >
            {r.score ? t('workerDev.detail.rescore') : t('workerDev.detail.score')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={round.name}
        description={<Link to={PATHS.workerAssessments}>{t('workerDev.detail.back')}</Link>}
        extra={
          round.canClose && (
            <Button danger onClick={close}>
              {t('workerDev.detail.close')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('workerDev.rounds.node')}>{round.nodeName}</Descriptions.Item>
          <Descriptions.Item label={t('workerDev.rounds.kind')}>{label(ASSESSMENT_ROUND_KIND_LABELS, round.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('common.status')}>
            <AssessmentStatusTag status={round.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('workerDev.rounds.deadline')}>{round.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('workerDev.rounds.progress')}>{t('workerDev.rounds.scoredOf', { scored: round.scored, workers: round.workers })}</Descriptions.Item>
          <Descriptions.Item label={t('workerDev.detail.levels')}>
            <Space size={[0, 4]} wrap>
              {ASSESSMENT_RESULTS.map((l) => (
                <AssessmentLevelTag key={l} level={l} count={round.levels[l]} />
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('workerDev.detail.rule')}
        </Typography.Paragraph>
      </Card>
      <Card>
        <Table<AssessmentRowDto> rowKey={(r) => r.worker.id} columns={columns} dataSource={round.rows} scroll={{ x: 1100 + round.indicators.length * 100 }} pagination={{ pageSize: 50, showSizeChanger: false }} />
      </Card>
      <AssessmentScoreModal
        round={round}
        row={scoring}
        onClose={() => setScoring(null)}
        onSaved={(row) => {
          setScoring(null);
          void message.success(t('workerDev.detail.saved', { name: row.worker.name }));
          load();
        }}
      />
    </>
  );
}
