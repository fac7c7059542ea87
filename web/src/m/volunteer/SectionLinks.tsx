import { useTranslation } from 'react-i18next';
import { VOLUNTEER_PATHS } from './volunteerApi';

type Current = 'activities' | 'points' | 'register' | 'redeem' | null;

/** The small hub of 志愿积分: activities, my points, 双报到 and the keepers' redemption, one tap each. */
export function SectionLinks({ current, onOpen }: { current: Current; onOpen: (url: string) => void }) {
  const { t } = useTranslation();
  const links = [
    ['activities', VOLUNTEER_PATHS.activities, t('residentVolunteer.hubActivities')],
    ['points', VOLUNTEER_PATHS.points, t('residentVolunteer.hubPoints')],
    ['register', VOLUNTEER_PATHS.register, t('residentVolunteer.hubRegister')],
    ['redeem', VOLUNTEER_PATHS.redeem, t('residentVolunteer.hubRedeem')],
  ] as const;
  return (
    <nav className="m-hub" aria-label={t('residentVolunteer.hubLabel')}>
      {links.map(([key, url, label]) => (
        <a
          key={key}
          href={url}
          aria-current={current === key ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            onOpen(url);
          }}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
