/**
 * One ticket: every field, the steps the signed-in user may take now (from the shared
 * transition table, plus 书记直通车 and triage routing), its photos by stage and the timeline
 * with actor and time of every step.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Flex, Grid, Skeleton, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TicketDetailDto, TicketEscalationResult } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../components/PageHeader';
import { PATHS } from '../../routes';
import { useSession } from '../../session';
import { TicketActionModal } from './TicketActionModal';
import { TicketEscalateModal } from './TicketEscalateModal';
import { availableActions, mayEscalate, mayRoute, photoStages, type ConsoleAction } from './ticketPermissions';
import { TicketPhotos } from './TicketPhotos';
import { TicketReporterPhone } from './TicketReporterPhone';
import { TicketRouteModal } from './TicketRouteModal';
import { TicketTimeline } from './TicketTimeline';
import { OverdueTag, TicketDeadline, TicketPriorityTag, TicketStatusTag } from './TicketTags';
import { useTicketLabels } from './ticketLabels';
import './tickets.css';

const PRIMARY: ReadonlySet<ConsoleAction> = new Set(['accept', 'start', 'handle', 'confirm', 'close']);

export default function TicketDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const { me } = useSession();
  const { message } = App.useApp();
  const labels = useTicketLabels();
  const [ticket, setTicket] = useState<TicketDetailDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<ConsoleAction | null>(null);
  const [extra, setExtra] = useState<'escalate' | 'route' | null>(null);
  const phone = Grid.useBreakpoint().sm === false;
  // On a phone, labels above values: a label column would squeeze both to a few characters.
  const descriptionsLayout: DescriptionsProps = phone
    ? { layout: 'vertical', column: 1, size: 'small' }
    : { bordered: true, column: { xs: 1, md: 2 }, size: 'middle' };

  const load = useCallback(async () => {
    setError(null);
    try {
      setTicket(await api.get<TicketDetailDto>(`/api/tickets/${Number(id)}`, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    }
  }, [id, t]);

  useEffect(() => {
    setTicket(null);
    void load();
  }, [load]);

  const fromMine = (location.state as { from?: string } | null)?.from === PATHS.myTickets;
  const back = (
    <Link to={fromMine ? PATHS.myTickets : PATHS.tickets}>
      <ArrowLeftOutlined /> {fromMine ? t('nav.myTickets') : t('tickets.back')}
    </Link>
  );

  if (error) {
    return (
      <>
        <PageHeader title={t('tickets.basics')} extra={back} />
        <Alert type="error" showIcon title={error} />
      </>
    );
  }
  if (!ticket) {
    return (
      <>
        <PageHeader title={t('tickets.basics')} extra={back} />
        <Card>
          <Skeleton active />
        </Card>
      </>
    );
  }

  const actions = availableActions(ticket, me);
  const canEscalate = mayEscalate(ticket, me);
  const canRoute = mayRoute(ticket, me);
  const dash = (v: string | null | undefined) => v || '—';

  const onEscalated = ({ escalation }: TicketEscalationResult) => {
    const day = escalation.receptionDay;
    void message.success(day ? t('ticketEscalate.done', { day: day.day, place: day.place }) : t('ticketEscalate.doneUnscheduled'));
    setExtra(null);
    void load();
  };
  const onRouted = (next: TicketDetailDto) => {
    void message.success(
      next.owner ? t('ticketRoute.doneAssigned', { node: next.nodeName, name: next.owner.name }) : t('ticketRoute.done', { node: next.nodeName }),
    );
    setExtra(null);
    setTicket(next);
  };

  return (
    <>
      <PageHeader
        title={<span className="ticket-code">{ticket.code}</span>}
        description={`${ticket.category.name} · ${ticket.communityName}${ticket.nodeName === ticket.communityName ? '' : ` / ${ticket.nodeName}`}`}
        extra={back}
      />
      <div className="ticket-detail-grid">
        <Flex vertical gap={16}>
          <Card title={t('tickets.actionsTitle')} size="small">
            {actions.length === 0 && !canEscalate && !canRoute ? (
              <Typography.Text type="secondary">{t('tickets.noActions')}</Typography.Text>
            ) : (
              <div className="ticket-actions">
                {canRoute && (
                  <Button size="large" type="primary" onClick={() => setExtra('route')}>
                    {t('ticketRoute.button')}
                  </Button>
                )}
                {actions.map((a) => (
                  <Button key={a} size="large" type={PRIMARY.has(a) ? 'primary' : 'default'} onClick={() => setAction(a)}>
                    {labels.action(a)}
                  </Button>
                ))}
                {canEscalate && (
                  <Button size="large" danger onClick={() => setExtra('escalate')}>
                    {t('ticketEscalate.button')}
                  </Button>
                )}
              </div>
            )}
            {ticket.escalationPending && (
              <Typography.Paragraph type="secondary" className="ticket-escalation-pending">
                {t('ticketEscalate.pending')}
              </Typography.Paragraph>
            )}
          </Card>
          <Card title={t('tickets.basics')}>
            <Descriptions {...descriptionsLayout}>
              <Descriptions.Item label={t('tickets.status')}>
                <Space wrap size={4}>
                  <TicketStatusTag status={ticket.status} />
                  {ticket.overdue && <OverdueTag />}
                  {ticket.triage && <Tag className="ticket-triage-tag">{t('ticketRoute.triageTag')}</Tag>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('tickets.deadline')}>
                <Space direction="vertical" size={0}>
                  <TicketDeadline ticket={ticket} />
                  {ticket.status !== 'closed' && <Typography.Text type="secondary">{formatDateTime(ticket.deadline)}</Typography.Text>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('tickets.owner')}>
                {ticket.owner ? `${ticket.owner.name}（${ticket.owner.department}）` : t('tickets.noOwner')}
              </Descriptions.Item>
              <Descriptions.Item label={t('tickets.priority')}>
                <TicketPriorityTag priority={ticket.priority} />
              </Descriptions.Item>
              <Descriptions.Item label={t('tickets.source')}>{labels.source(ticket.source)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.category')}>{ticket.category.name}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.community')}>{ticket.communityName}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.node')}>{ticket.nodeName}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.address')}>{dash(ticket.address)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.coordinates')}>{ticket.lat !== null && ticket.lng !== null ? `${ticket.lat}, ${ticket.lng}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.descriptionLabel')} span={2}>
                <span className="ticket-description-text">{ticket.description}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('tickets.reporterName')}>{dash(ticket.reporterName)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.reporterPhone')}>
                <TicketReporterPhone key={ticket.id} ticketId={ticket.id} masked={ticket.reporterPhone} />
              </Descriptions.Item>
              <Descriptions.Item label={t('tickets.escalated')}>{ticket.escalated ? `${t('common.yes')}（${formatDateTime(ticket.escalatedAt)}）` : t('common.no')}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('tickets.progress')}>
            <Descriptions {...descriptionsLayout}>
              <Descriptions.Item label={t('tickets.createdAt')}>{formatDateTime(ticket.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.assignedAt')}>{formatDateTime(ticket.assignedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.acceptedAt')}>{formatDateTime(ticket.acceptedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.handledAt')}>{formatDateTime(ticket.handledAt)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.confirmedAt')}>{formatDateTime(ticket.confirmedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.closedAt')}>{formatDateTime(ticket.closedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.resultNote')} span={2}>
                <span className="ticket-description-text">{dash(ticket.resultNote)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('tickets.outcome')}>{ticket.outcome ? labels.outcome(ticket.outcome) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.satisfaction')}>{ticket.satisfaction ? labels.satisfaction(ticket.satisfaction) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('tickets.confirmationNote')} span={2}>
                <span className="ticket-description-text">{dash(ticket.confirmationNote)}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('ticketPhotos.title')}>
            <TicketPhotos
              ticket={ticket}
              stages={photoStages(ticket, me)}
              onUploaded={(photo) => {
                void message.success(t('ticketPhotos.uploaded'));
                setTicket((prev) => prev && { ...prev, photos: [...(prev.photos ?? []), photo] });
              }}
            />
          </Card>
        </Flex>
        <Card title={t('tickets.timeline')}>
          <TicketTimeline events={ticket.events} />
        </Card>
      </div>
      <TicketActionModal
        ticket={ticket}
        action={action}
        onClose={() => setAction(null)}
        onStale={() => void load()}
        onDone={(next) => {
          void message.success(t('tickets.actionDone', { action: labels.action(action!) }));
          setAction(null);
          setTicket(next);
        }}
      />
      <TicketEscalateModal ticket={ticket} open={extra === 'escalate'} onClose={() => setExtra(null)} onDone={onEscalated} onStale={() => void load()} />
      <TicketRouteModal ticket={ticket} open={extra === 'route'} onClose={() => setExtra(null)} onDone={onRouted} onStale={() => void load()} />
    </>
  );
}
