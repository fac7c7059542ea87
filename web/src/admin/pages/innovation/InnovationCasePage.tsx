/** One innovation case: problem, method, results, figures, files; the unit's steps and the county's review. */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { InnovationCaseDetailDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { ReasonModal } from '../../components/ReasonModal';
import { StatCards } from '../../components/StatCards';
import { ToneTag } from '../../components/ToneTag';
import { PATHS } from '../../routes';
import { useSession } from '../../session';
import { CaseAttachments } from './CaseAttachments';
import { CaseFormModal } from './CaseFormModal';
import { InnovationStatusTag } from './InnovationStatusTag';

const COLORS = ['#c8102e', '#1f6feb', '#2f7d32', '#b45309', '#6d28d9'];
type Asking = 'return' | 'unpublish' | 'withdraw' | null;

export default function InnovationCasePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const id = Number(useParams().id);
  const [c, setC] = useState<InnovationCaseDetailDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    api
      .get<InnovationCaseDetailDto>(`/api/innovation/${id}`, { silent: true })
      .then(setC)
      .catch((e: unknown) => setError(isApiError(e) ? e.message : t('errors.generic')));
  }, [id, t]);

  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (!c) return <PageLoading />;

  const step = async (path: string, done: string, body: Record<string, unknown> = {}) => {
    setBusy(true);
    try {
      setC(await api.post<InnovationCaseDetailDto>(`/api/innovation/${c.id}/${path}`, body));
      void message.success(done);
    } finally {
      setBusy(false);
    }
  };
  const reasonStep = async (reason: string) => {
    if (asking === 'return') setC(await api.post<InnovationCaseDetailDto>(`/api/innovation/${c.id}/return`, { note: reason }, { silent: true }));
    else setC(await api.post<InnovationCaseDetailDto>(`/api/innovation/${c.id}/${asking}`, { reason }, { silent: true }));
    void message.success(t(`innovation.case.${asking === 'return' ? 'returned' : asking === 'unpublish' ? 'unpublished' : 'withdrawn'}`));
    setAsking(null);
  };
  const editable = c.canEdit;
  const mayRecall = c.status === 'submitted' && can('innovation.submit');
  const date = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

  return (
    <>
      <PageHeader
        title={c.title}
        description={
          <Space wrap>
            <span>{c.unitName}</span>
            <InnovationStatusTag status={c.status} />
            {c.tags.map((x) => (
              <ToneTag key={x} tone="teal">{x}</ToneTag>
            ))}
          </Space>
        }
        extra={<Link to={c.status === 'published' ? PATHS.innovation : PATHS.innovationSubmissions}>{c.status === 'published' ? t('innovation.case.back') : t('innovation.case.backToSubmissions')}</Link>}
      />
      <Flex vertical gap={16}>
        {c.reviewNote && c.status !== 'published' && <Alert type="warning" showIcon title={t('innovation.case.reviewNote')} description={c.reviewNote} />}
        {(c.canReview || editable || mayRecall) && (
          <Card title={c.canReview ? t('innovation.case.reviewActions') : t('innovation.case.unitActions')} size="small">
            <Space wrap>
              {c.canReview && c.status === 'submitted' && (
                <>
                  <Popconfirm title={t('innovation.case.publishConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => step('publish', t('innovation.case.published'))}>
                    <Button type="primary" loading={busy}>{t('innovation.case.publish')}</Button>
                  </Popconfirm>
                  <Button onClick={() => setAsking('return')}>{t('innovation.case.returnAction')}</Button>
                </>
              )}
              {c.canReview && c.status === 'published' && <Button danger onClick={() => setAsking('unpublish')}>{t('innovation.case.unpublish')}</Button>}
              {editable && (
                <>
                  <Button onClick={() => setEditing(true)}>{t('innovation.case.edit')}</Button>
                  <Button type="primary" loading={busy} onClick={() => void step('submit', t('innovation.case.submitted'))}>{t('innovation.case.submit')}</Button>
                  <Button danger onClick={() => setAsking('withdraw')}>{t('innovation.case.withdraw')}</Button>
                </>
              )}
              {mayRecall && <Button loading={busy} onClick={() => void step('recall', t('innovation.case.recalled'))}>{t('innovation.case.recall')}</Button>}
            </Space>
          </Card>
        )}
        {c.figures.length > 0 && (
          <section aria-label={t('innovation.case.figures')}>
            <StatCards
              testId="innovation-figures"
              none="—"
              items={c.figures.map((f, i) => ({ key: String(i), title: f.label, value: f.value, suffix: f.unit, color: COLORS[i % COLORS.length]! }))}
            />
          </section>
        )}
        {(['problem', 'method', 'results'] as const).map((k) => (
          <Card key={k} size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t(`innovation.case.${k}`)}</Typography.Title>}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c[k]}</Typography.Paragraph>
          </Card>
        ))}
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('innovation.case.attachments')}</Typography.Title>}>
          <CaseAttachments detail={c} onChanged={setC} />
        </Card>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('innovation.unit')}>{c.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('innovation.case.node')}>{c.nodeName}</Descriptions.Item>
            <Descriptions.Item label={t('innovation.case.createdBy')}>{c.createdBy ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('innovation.case.submittedAt')}>{date(c.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('innovation.publishedAt')}>{date(c.publishedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Flex>
      <ReasonModal
        open={asking !== null}
        title={asking ? t(`innovation.case.${asking === 'return' ? 'returnTitle' : asking === 'unpublish' ? 'unpublishTitle' : 'withdrawTitle'}`) : ''}
        hint={asking ? t(`innovation.case.${asking === 'return' ? 'returnHint' : asking === 'unpublish' ? 'unpublishHint' : 'withdrawHint'}`) : undefined}
        placeholder={asking ? t(`innovation.case.${asking === 'return' ? 'returnPlaceholder' : asking === 'unpublish' ? 'unpublishPlaceholder' : 'withdrawPlaceholder'}`) : undefined}
        onClose={() => setAsking(null)}
        onSubmit={reasonStep}
      />
      <CaseFormModal open={editing} editing={c} onClose={() => setEditing(false)} onSaved={setC} />
    </>
  );
}
