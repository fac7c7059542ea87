/** A ticket's status, priority and overdue tags and its deadline with the time left or past. */
import { Tooltip } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TicketDto, TicketPriority, TicketStatus } from '@xj/contracts';
import { formatDateTime } from '../../../shared/format';
import { ToneTag } from '../../components/ToneTag';
import { PRIORITY_TONES, STATUS_TONES, useDeadlineText, useTicketLabels } from './ticketLabels';

export function TicketStatusTag({ status }: { status: TicketStatus }) {
  const labels = useTicketLabels();
  return <ToneTag tone={STATUS_TONES[status]}>{labels.status(status)}</ToneTag>;
}

export function TicketPriorityTag({ priority }: { priority: TicketPriority }) {
  const labels = useTicketLabels();
  return <ToneTag tone={PRIORITY_TONES[priority]}>{labels.priority(priority)}</ToneTag>;
}

/** Solid red with white text (contrast 6.5:1): overdue must stand out on a highlighted row too. */
export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <ToneTag tone="red" className="ticket-overdue-tag" icon={<WarningOutlined aria-hidden />}>
      {t('tickets.overdue')}
    </ToneTag>
  );
}

/** The relative deadline ("剩余 2 天" / "已超期 5 小时"), the exact time in a tooltip; closed tickets show the date only. */
export function TicketDeadline({ ticket, plain = false }: { ticket: Pick<TicketDto, 'deadline' | 'status' | 'overdue'>; plain?: boolean }) {
  const deadlineText = useDeadlineText();
  const exact = formatDateTime(ticket.deadline);
  if (ticket.status === 'closed') return <span className="ticket-deadline">{exact}</span>;
  const { text } = deadlineText(ticket.deadline);
  const shown = (
    <span className={`ticket-deadline${ticket.overdue ? ' ticket-deadline-overdue' : ''}`} tabIndex={plain ? undefined : 0}>
      <ClockCircleOutlined aria-hidden /> {text}
    </span>
  );
  // `plain`: inside a button (a card), where nothing else may take the focus.
  return plain ? shown : <Tooltip title={exact}>{shown}</Tooltip>;
}
