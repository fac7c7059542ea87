/** A ticket's timeline: every step with its actor, time, status change, note and details. */
import { Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SATISFACTIONS } from '@xj/contracts/domain';
import type { Satisfaction, TicketEventDto, TicketEventKind } from '@xj/contracts';
import { formatDateTime } from '../../../shared/format';
import { TicketStatusTag } from './TicketTags';
import { useTicketLabels } from './ticketLabels';

const COLORS: Partial<Record<TicketEventKind, string>> = { reopened: 'red', escalated: 'red', reception_decided: 'orange', closed: 'gray', confirmed: 'green', handled: 'green' };

const isSatisfaction = (v: unknown): v is Satisfaction => SATISFACTIONS.includes(v as Satisfaction);

function EventDetails({ event }: { event: TicketEventDto }) {
  const { t } = useTranslation();
  const labels = useTicketLabels();
  const d = event.details;
  const lines: string[] = [];
  if (typeof d.department === 'string') lines.push(t('tickets.transferDepartment', { department: d.department }));
  if (event.kind === 'assigned' && typeof d.commissionerName === 'string') lines.push(t('tickets.assignedTo', { name: d.commissionerName }));
  if (event.kind === 'assigned' && d.automatic === true) lines.push(t('tickets.automatic'));
  if (typeof d.resolved === 'boolean') lines.push(t('tickets.confirmResolved', { value: d.resolved ? t('tickets.resolvedYes') : t('tickets.resolvedNo') }));
  if (isSatisfaction(d.satisfaction)) lines.push(`${t('tickets.satisfaction')}：${labels.satisfaction(d.satisfaction)}`);
  if (event.kind === 'escalated') lines.push(typeof d.receptionDay === 'string' ? t('ticketEscalate.scheduledOn', { day: d.receptionDay }) : t('ticketEscalate.unscheduled'));
  if (event.kind === 'reception_decided') {
    if (typeof d.commissionerName === 'string') lines.push(t('ticketEscalate.reassignedTo', { name: d.commissionerName }));
    if (typeof d.deadline === 'string') lines.push(t('ticketEscalate.deadlineTo', { date: formatDateTime(d.deadline) }));
  }
  if (event.kind === 'routed' && typeof d.nodeName === 'string') lines.push(t('ticketRoute.routedTo', { from: String(d.previousNodeName ?? ''), to: d.nodeName }));
  if (lines.length === 0) return null;
  return <div className="ticket-timeline-meta">{lines.join(' · ')}</div>;
}

export function TicketTimeline({ events }: { events: TicketEventDto[] }) {
  const { t } = useTranslation();
  const labels = useTicketLabels();
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: COLORS[e.kind] ?? 'blue',
        content: (
          <div className="ticket-timeline-entry" data-kind={e.kind}>
            <Typography.Text strong>{labels.eventKind(e.kind)}</Typography.Text>
            <div className="ticket-timeline-meta">
              {formatDateTime(e.at)} · {t('tickets.actor')}：{e.actor?.name ?? t('tickets.system')}
            </div>
            {e.fromStatus !== e.toStatus && (
              <div className="tag-list">
                {e.fromStatus && (
                  <>
                    <TicketStatusTag status={e.fromStatus} />
                    <ArrowRightOutlined aria-label="→" />
                  </>
                )}
                <TicketStatusTag status={e.toStatus} />
              </div>
            )}
            <EventDetails event={e} />
            {e.note && <p className="ticket-timeline-note">{e.note}</p>}
          </div>
        ),
      }))}
    />
  );
}
