/** Small formatting helpers shared by the volunteer and points pages. */
import dayjs from 'dayjs';

/** "2026-12-01 09:00–11:30", or both dates when it runs past midnight. */
export function timeRange(startsAt: string, endsAt: string): string {
  const s = dayjs(startsAt);
  const e = dayjs(endsAt);
  return `${s.format('YYYY-MM-DD HH:mm')}–${e.format(s.isSame(e, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}`;
}

export const dateTime = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');
export const hours = (h: number | null | undefined) => (h === null || h === undefined ? '—' : h.toFixed(1));
