/**
 * One cadre opinion request: its particulars, the evidence snapshot, and the answer. The routed
 * branch answers while it is pending; the organisation department withdraws it (with a reason),
 * chases it, or takes a fresh snapshot. Each time this page loads the server records the view.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Skeleton, Space, type DescriptionsProps } from 'antd';
import { BellOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CADRE_OPINION_PURPOSE_LABELS } from '@xj/contracts/domain';
import type { CadreOpinionDto, CadreOpinionRemindResult } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS } from '../../routes';
import { useSession } from '../../session';
import { dateTime } from '../volunteers/volunteerFormat';
import { CadreOpinionAnswerForm } from './CadreOpinionAnswerForm';
import { CadreOpinionEvidence } from './CadreOpinionEvidence';
import { CadreOpinionAnswerTag, CadreOpinionStatusTag, OverdueTag } from './CadreOpinionTags';

export default function CadreOpinionDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const requestId = Number(id);
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [request, setRequest] = useState<CadreOpinionDto | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [busy, setBusy] = useState<'remind' | 'refresh' | null>(null);

  const load = useCallback(() => {
    setMissing(null);
    api
      .get<CadreOpinionDto>(`/api/cadre-opinions/${requestId}`, { silent: true })
      .then(setRequest)
      .catch((e: unknown) => setMissing(isApiError(e) ? e.message : t('errors.generic')));
  }, [requestId, t]);
  useEffect(load, [load]);

  const back = <Link to={PATHS.cadreOpinions}>{t('cadreOpinions.backToList')}</Link>;
  if (missing) return <Alert type="error" showIcon title={missing} action={back} data-testid="cadre-opinion-missing" />;
  if (!request) return <Skeleton active />;

  const pending = request.status === 'pending';
  const requester = can('cadreOpinions.request');
  const answerer = !requester && can('cadreOpinions.answer');

  const remind = async () => {
    setBusy('remind');
    try {
      const r = await api.post<CadreOpinionRemindResult>(`/api/cadre-opinions/${request.id}/remind`, {});
      setRequest({ ...request, remindersSent: request.remindersSent + 1, lastRemindedAt: new Date().toISOString() });
      void message.success(r.notifications > 0 ? t('cadreOpinions.reminded', { n: r.notifications }) : t('cadreOpinions.remindedNone'));
    } catch {
      // shown by the API wrapper (e.g. already reminded today)
    } finally {
      setBusy(null);
    }
  };

  const refresh = async () => {
    setBusy('refresh');
    try {
      setRequest(await api.post<CadreOpinionDto>(`/api/cadre-opinions/${request.id}/evidence/refresh`, {}));
      void message.success(t('cadreOpinions.evidenceRefreshed'));
    } catch {
      // shown by the API wrapper
    } finally {
      setBusy(null);
    }
  };

  const facts: DescriptionsProps['items'] = [
    {
      key: 'cadre',
      label: t('cadreOpinions.cadre'),
      children: (
        <Space size={8} wrap>
          <span>{request.person.name}</span>
          {request.person.phone && <span className="mono">{request.person.phone}</span>}
        </Space>
      ),
    },
    { key: 'purpose', label: t('cadreOpinions.purpose'), children: label(CADRE_OPINION_PURPOSE_LABELS, request.purpose) },
    { key: 'post', label: t('cadreOpinions.post'), children: request.post },
    { key: 'compound', label: t('cadreOpinions.compound'), children: request.compoundName },
    { key: 'branch', label: t('cadreOpinions.branch'), children: request.branchName },
    { key: 'requested', label: t('cadreOpinions.requestedAt'), children: `${dateTime(request.requestedAt)}${request.requestedByName ? `（${request.requestedByName}）` : ''}` },
    {
      key: 'deadline',
      label: t('cadreOpinions.deadline'),
      children: (
        <Space size={4}>
          <span>{request.deadline}</span>
          {request.overdue && <OverdueTag />}
        </Space>
      ),
    },
    { key: 'status', label: t('cadreOpinions.status'), children: <CadreOpinionStatusTag status={request.status} /> },
    {
      key: 'reminders',
      label: t('cadreOpinions.reminders'),
      children: request.remindersSent > 0 ? t('cadreOpinions.remindersValue', { n: request.remindersSent, at: dateTime(request.lastRemindedAt) }) : t('cadreOpinions.remindersNone'),
    },
    ...(request.withdrawReason ? [{ key: 'withdraw', label: t('cadreOpinions.withdrawReason'), children: request.withdrawReason, span: 2 }] : []),
  ];

  const answer: DescriptionsProps['items'] = request.answer
    ? [
        { key: 'answer', label: t('cadreOpinions.answerChoice'), children: <CadreOpinionAnswerTag answer={request.answer} /> },
        { key: 'by', label: t('cadreOpinions.answeredBy'), children: `${request.answeredByName ?? '—'}（${dateTime(request.answeredAt)}）` },
        { key: 'text', label: t('cadreOpinions.answerText'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{request.answerText}</span>, span: 2 },
      ]
    : [];

  return (
    <>
      <PageHeader
        title={t('cadreOpinions.detailTitle', { name: request.person.name })}
        description={back}
        extra={
          requester &&
          pending && (
            <Space wrap>
              <Button icon={<BellOutlined />} loading={busy === 'remind'} onClick={() => void remind()}>
                {t('cadreOpinions.remind')}
              </Button>
              <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)}>
                {t('cadreOpinions.withdraw')}
              </Button>
            </Space>
          )
        }
      />
      <Alert type="info" showIcon title={t('cadreOpinions.viewsRecorded')} className="page-alert" />
      <Card title={<h2 className="card-title">{t('cadreOpinions.facts')}</h2>}>
        <Descriptions bordered column={{ xs: 1, md: 2 }} items={facts} />
      </Card>
      {answer.length > 0 && (
        <Card title={<h2 className="card-title">{t('cadreOpinions.answer')}</h2>} style={{ marginTop: 16 }} data-testid="cadre-opinion-answer">
          <Descriptions bordered column={{ xs: 1, md: 2 }} items={answer} />
        </Card>
      )}
      {answerer && pending && (
        <CadreOpinionAnswerForm
          request={request}
          onAnswered={(updated) => {
            setRequest(updated);
            void message.success(t('cadreOpinions.answered'));
          }}
        />
      )}
      <div style={{ marginTop: 16 }}>
        <CadreOpinionEvidence
          evidence={request.evidence}
          extra={
            requester &&
            pending && (
              <Button size="small" icon={<SyncOutlined />} loading={busy === 'refresh'} onClick={() => void refresh()}>
                {t('cadreOpinions.refreshEvidence')}
              </Button>
            )
          }
        />
      </div>
      <ReasonModal
        open={withdrawing}
        title={t('cadreOpinions.withdrawTitle', { name: request.person.name })}
        hint={t('cadreOpinions.withdrawHint')}
        placeholder={t('cadreOpinions.withdrawPlaceholder')}
        okText={t('cadreOpinions.withdraw')}
        onClose={() => setWithdrawing(false)}
        onSubmit={async (reason) => {
          setRequest(await api.post<CadreOpinionDto>(`/api/cadre-opinions/${request.id}/withdraw`, { reason }, { silent: true }));
          setWithdrawing(false);
          void message.success(t('cadreOpinions.withdrawn'));
        }}
      />
    </>
  );
}
