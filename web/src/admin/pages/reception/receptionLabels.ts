/** Labels and tones of reception days, in the current language. */
import { ATTENDEE_ROLE_LABELS, RECEPTION_DAY_STATUS_LABELS } from '@xj/contracts/domain';
import type { AttendeeRole, ReceptionDayStatus } from '@xj/contracts';
import { pick, useLabels } from '../../../shared/labels';
import type { Tone } from '../../components/ToneTag';

export const RECEPTION_STATUS_TONES: Record<ReceptionDayStatus, Tone> = { planned: 'blue', held: 'green', cancelled: 'grey' };

export function useReceptionLabels() {
  const { lang } = useLabels();
  return {
    status: (s: ReceptionDayStatus) => pick(RECEPTION_DAY_STATUS_LABELS[s], lang, s),
    role: (r: AttendeeRole) => pick(ATTENDEE_ROLE_LABELS[r], lang, r),
  };
}

/** The printable minutes (a self-contained A4 page the server renders). */
export const minutesUrl = (id: number) => `/api/reception-days/${id}/minutes.html`;
