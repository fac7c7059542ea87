import type { TFunction } from 'i18next';
import type { MySignupDto, PublicActivityDto } from '@xj/contracts';
import { formatTime } from '../consult/consultApi';

/** "20 积分/次" or "10 积分/小时" of an activity. */
export function pointsText(a: Pick<PublicActivityDto, 'points' | 'pointsMode'>, t: TFunction): string {
  if (a.points === 0) return t('residentVolunteer.noPoints');
  return t(a.pointsMode === 'per_hour' ? 'residentVolunteer.pointsPerHour' : 'residentVolunteer.pointsPerActivity', { count: a.points });
}

/** Start to end; the end without its date when on the same day. */
export function timeText(a: { startsAt: string; endsAt: string }, lang: string): string {
  const start = new Date(a.startsAt);
  const end = new Date(a.endsAt);
  const sameDay = start.toDateString() === end.toDateString();
  const endText = sameDay ? end.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit' }) : formatTime(a.endsAt, lang);
  return `${formatTime(a.startsAt, lang)} – ${endText}`;
}

/** Where a sign-up stands: cancelled, no-show, checked out, checked in or signed up. */
export function signupStateText(s: MySignupDto, t: TFunction): string {
  if (s.status === 'cancelled') return t('residentVolunteer.signupStatus.cancelled');
  if (s.noShow) return t('residentVolunteer.signupStatus.noShow');
  if (s.checkedOutAt) return t('residentVolunteer.signupStatus.checkedOut');
  if (s.checkedInAt) return t('residentVolunteer.signupStatus.checkedIn');
  return t('residentVolunteer.signupStatus.signed_up');
}
