/**
 * One topic: its status and the five steps (dates, responsible, record), the actions the
 * signed-in user may take now, plan options with costs, tasks with progress, the timeline
 * and similar open topics.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Flex, Grid, Skeleton, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TopicDetailDto, TopicTaskDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../components/PageHeader';
import { PATHS, ticketPath, topicPath } from '../../routes';
import { useSession } from '../../session';
import { CategoryTag, TopicStatusTag } from './ConsultTags';
import { useConsultLabels } from './consultationLabels';
import { TopicActionModal, type TopicAction } from './TopicActionModal';
import { TaskTicketModal } from './TaskTicketModal';
import { TopicOptions, TopicTasks } from './TopicPlans';
import { TopicParticipation } from './TopicParticipation';
import { TopicQrCard } from './TopicQrCard';
import { TopicStepsCard } from './TopicStepsCard';
import { TopicTimeline } from './TopicTimeline';
import { useAgendaCategories } from './useAgendaCategories';
import './consultations.css';

/** What may be done now, by status and current step (the server checks scope and conditions again). */
function actionsOf(topic: TopicDetailDto, manage: boolean): TopicAction[] {
  if (!manage) return [];
  if (topic.status === 'screening') return ['screen', 'close'];
  if (topic.status !== 'active') return [];
  const byStep: TopicAction[] =
    topic.step === 'propose' ? ['option'] : topic.step === 'deliberate' ? (topic.options.length ? ['decision'] : []) : topic.step === 'implement' ? ['task'] : [];
  return [...byStep, 'record', 'advance', 'close'];
}

export default function TopicDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useSession();
  const { message } = App.useApp();
  const labels = useConsultLabels();
  const { list: agenda } = useAgendaCategories();
  const [topic, setTopic] = useState<TopicDetailDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<TopicAction | null>(null);
  const [task, setTask] = useState<TopicTaskDto | null>(null);
  const [ticketTask, setTicketTask] = useState<TopicTaskDto | null>(null);
  const phone = Grid.useBreakpoint().sm === false;
  const layout: DescriptionsProps = phone ? { layout: 'vertical', column: 1, size: 'small' } : { bordered: true, column: { xs: 1, md: 2 }, size: 'middle' };

  const load = useCallback(async () => {
    setError(null);
    try {
      setTopic(await api.get<TopicDetailDto>(`/api/consultations/topics/${Number(id)}`, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    }
  }, [id, t]);

  useEffect(() => {
    setTopic(null);
    void load();
  }, [load]);

  const back = (
    <Link to={PATHS.consultTopics}>
      <ArrowLeftOutlined /> {t('consult.topics.back')}
    </Link>
  );
  if (error || !topic) {
    return (
      <>
        <PageHeader title={t('consult.detail.basics')} extra={back} />
        {error ? <Alert type="error" showIcon title={error} /> : <Card><Skeleton active /></Card>}
      </>
    );
  }

  const manage = can('consultations.manage');
  const actions = actionsOf(topic, manage);
  const dash = (v: string | null | undefined) => v || '—';
  const actionLabel = (a: TopicAction) => (a === 'advance' && topic.step === 'evaluate' ? t('consult.action.conclude') : t(`consult.action.${a}`));

  return (
    <>
      <PageHeader
        title={topic.title}
        description={
          <span className="consult-header-tags">
            <TopicStatusTag status={topic.status} />
            <CategoryTag category={topic.category} />
            <span>
              {topic.communityName}
              {topic.nodeName === topic.communityName ? '' : ` / ${topic.nodeName}`}
            </span>
          </span>
        }
        extra={back}
      />
      <div className="consult-detail-grid">
        <Flex vertical gap={16} className="consult-card">
          <Card title={t('consult.detail.actions')} size="small">
            {actions.length === 0 ? (
              <Typography.Text type="secondary">{t('consult.detail.noActions')}</Typography.Text>
            ) : (
              <div className="consult-actions">
                {actions.map((a) => (
                  <Button key={a} size="large" type={a === 'screen' || a === 'advance' ? 'primary' : 'default'} danger={a === 'close'} onClick={() => setAction(a)}>
                    {actionLabel(a)}
                  </Button>
                ))}
              </div>
            )}
          </Card>
          <Card title={t('consult.detail.steps')} className="consult-card">
            <TopicStepsCard topic={topic} onTopicChanged={() => void load()} />
          </Card>
          {topic.steps.length > 0 && <TopicParticipation topic={topic} manage={manage} onTopicChanged={() => void load()} />}
          <Card title={t('consult.detail.basics')}>
            <Descriptions {...layout}>
              <Descriptions.Item label={t('consult.topics.status')}>
                <TopicStatusTag status={topic.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('consult.topics.category')}>
                <CategoryTag category={topic.category} />
              </Descriptions.Item>
              <Descriptions.Item label={t('consult.topics.source')}>{labels.source(topic.source)}</Descriptions.Item>
              <Descriptions.Item label={t('consult.detail.ticket')}>
                {topic.ticketId && topic.ticketCode ? <Link to={ticketPath(topic.ticketId)}>{topic.ticketCode}</Link> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('consult.detail.raisedBy')}>{dash(topic.raisedByName)}</Descriptions.Item>
              <Descriptions.Item label={t('consult.detail.phone')}>
                <span className="mono">{dash(topic.raisedByPhone)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('consult.topics.raisedAt')}>{formatDateTime(topic.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('consult.detail.screenedAt')}>{formatDateTime(topic.screenedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('consult.detail.description')} span={2}>
                <span className="consult-text">{topic.description}</span>
              </Descriptions.Item>
              {topic.rejectionReason && (
                <Descriptions.Item label={t('consult.detail.rejectionReason')} span={2}>
                  <span className="consult-text">{topic.rejectionReason}</span>
                </Descriptions.Item>
              )}
              {topic.decision && (
                <Descriptions.Item label={t('consult.detail.decision')} span={2}>
                  <span className="consult-text">{topic.decision}</span>（{formatDateTime(topic.decidedAt)}）
                </Descriptions.Item>
              )}
              {topic.outcome && (
                <Descriptions.Item label={t('consult.detail.outcome')} span={2}>
                  <span className="consult-text">{topic.outcome}</span>
                  {topic.reviewDate && `（${t('consult.detail.reviewDate')}：${topic.reviewDate}）`}
                </Descriptions.Item>
              )}
              {topic.closedReason && (
                <Descriptions.Item label={t('consult.detail.closedReason')} span={2}>
                  <span className="consult-text">{topic.closedReason}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card title={t('consult.detail.options')} className="consult-card">
            <TopicOptions topic={topic} manage={manage} onChanged={setTopic} />
          </Card>
          <Card title={t('consult.detail.tasks')} className="consult-card">
            <TopicTasks
              topic={topic}
              canUpdate={manage && topic.status === 'active' && topic.step === 'implement'}
              onUpdate={(x) => {
                setTask(x);
                setAction('taskUpdate');
              }}
              onTicket={setTicketTask}
            />
          </Card>
        </Flex>
        <Flex vertical gap={16} className="consult-card">
          <TopicQrCard topic={topic} />
          <Card title={t('consult.detail.similar')} size="small">
            {topic.similar.length === 0 ? (
              <Typography.Text type="secondary">{t('consult.detail.noSimilar')}</Typography.Text>
            ) : (
              <ul className="plain-list">
                {topic.similar.map((s) => (
                  <li key={s.id}>
                    <Link to={topicPath(s.id)}>{s.title}</Link>
                    <div className="consult-step-meta">
                      {labels.status(s.status)}
                      {s.step ? ` · ${labels.step(s.step)}` : ''} · {s.nodeName} · {t('consult.detail.sharedPieces', { n: s.shared })}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('consult.detail.timeline')}>
            <TopicTimeline events={topic.events} />
          </Card>
        </Flex>
      </div>
      <TaskTicketModal
        topic={topic}
        task={ticketTask}
        onClose={() => setTicketTask(null)}
        onDone={(next) => {
          void message.success(t('consult.detail.done', { action: t('consult.action.taskTicket') }));
          setTicketTask(null);
          setTopic(next);
        }}
      />
      <TopicActionModal
        topic={topic}
        action={action}
        task={task}
        categories={agenda?.data ?? []}
        onClose={() => setAction(null)}
        onStale={() => void load()}
        onDone={(next) => {
          void message.success(t('consult.detail.done', { action: action ? actionLabel(action) : '' }));
          setAction(null);
          setTask(null);
          setTopic(next);
        }}
      />
    </>
  );
}
