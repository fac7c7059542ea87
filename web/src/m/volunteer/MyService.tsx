import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyVolunteeringDto } from '@xj/contracts';
import { signupStateText, timeText } from './activityText';
import { hoursText, volunteerApi, VOLUNTEER_PATHS } from './volunteerApi';

/** 我的服务: a verified resident's sign-ups with hours and points, and the totals. */
export function MyService({ onOpen }: { onOpen: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const [mine, setMine] = useState<MyVolunteeringDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    volunteerApi.me().then(setMine, (e: Error) => setError(e.message));
  }, []);

  if (error) {
    return (
      <p className="m-error m-banner" role="alert">
        {t('residentVolunteer.loadFailed', { message: error })}
      </p>
    );
  }
  if (!mine) return <p className="m-note">{t('residentVolunteer.loading')}</p>;
  return (
    <>
      <p className="m-verified" data-testid="volunteer-totals">
        {t('residentVolunteer.totals', { activities: mine.totals.activities, hours: hoursText(mine.totals.hours), points: mine.totals.points })}
      </p>
      {mine.signups.length === 0 && <p className="m-note">{t('residentVolunteer.myEmpty')}</p>}
      <ul className="m-list">
        {mine.signups.map((s) => (
          <li key={s.signupId} data-testid="volunteer-my-signup">
            <a
              href={VOLUNTEER_PATHS.activity(s.activity.id)}
              onClick={(e) => {
                e.preventDefault();
                onOpen(VOLUNTEER_PATHS.activity(s.activity.id));
              }}
            >
              {s.activity.title}
            </a>
            <span>
              <span className="m-status">{signupStateText(s, t)}</span>
            </span>
            <time dateTime={s.activity.startsAt}>{timeText(s.activity, i18n.language)}</time>
            {s.hours !== null && <span>{t('residentVolunteer.hoursEarned', { hours: hoursText(s.hours) })}</span>}
            {s.points !== null && <span>{t('residentVolunteer.pointsEarned', { points: s.points })}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
