/** Ticket labels in the current language, status colours and the relative deadline ("剩余 2 天"). */
import { useTranslation } from 'react-i18next';
import {
  SATISFACTION_LABELS,
  TICKET_ACTION_LABELS,
  TICKET_EVENT_KIND_LABELS,
  TICKET_OUTCOME_LABELS,
  TICKET_PRIORITY_LABELS,
  TICKET_SOURCE_LABELS,
  TICKET_STATUS_LABELS,
} from '@xj/contracts/domain';
import type { Satisfaction, TicketAction, TicketEventKind, TicketOutcome, TicketPriority, TicketSource, TicketStatus } from '@xj/contracts';
import { pick } from '../../../shared/labels';
import type { Tone } from '../../components/ToneTag';

export const STATUS_TONES: Record<TicketStatus, Tone> = {
  reported: 'magenta',
  assigned: 'orange',
  accepted: 'blue',
  in_progress: 'purple',
  handled: 'teal',
  confirmed: 'green',
  closed: 'grey',
};

export const PRIORITY_TONES: Record<TicketPriority, Tone> = { normal: 'grey', high: 'gold', urgent: 'red' };

export function useTicketLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    status: (s: TicketStatus) => pick(TICKET_STATUS_LABELS[s], lang, s),
    source: (s: TicketSource) => pick(TICKET_SOURCE_LABELS[s], lang, s),
    priority: (p: TicketPriority) => pick(TICKET_PRIORITY_LABELS[p], lang, p),
    outcome: (o: TicketOutcome) => pick(TICKET_OUTCOME_LABELS[o], lang, o),
    satisfaction: (s: Satisfaction) => pick(SATISFACTION_LABELS[s], lang, s),
    action: (a: TicketAction) => pick(TICKET_ACTION_LABELS[a], lang, a),
    // Kinds added later by other parts of the loop still get a readable label.
    eventKind: (k: TicketEventKind) => pick((TICKET_EVENT_KIND_LABELS as Record<string, { zh: string; en: string }>)[k], lang, k),
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "剩余 2 天" / "已超期 5 小时": the largest whole unit of the time left or past. */
export function useDeadlineText(): (deadline: string, now?: number) => { text: string; past: boolean } {
  const { t } = useTranslation();
  return (deadline, now = Date.now()) => {
    const ms = Date.parse(deadline) - now;
    const abs = Math.abs(ms);
    const time =
      abs >= DAY
        ? t('tickets.units.days', { n: Math.floor(abs / DAY) })
        : abs >= HOUR
          ? t('tickets.units.hours', { n: Math.floor(abs / HOUR) })
          : t('tickets.units.minutes', { n: Math.max(1, Math.floor(abs / MINUTE)) });
    return ms >= 0 ? { text: t('tickets.remaining', { time }), past: false } : { text: t('tickets.overdueBy', { time }), past: true };
  };
}
