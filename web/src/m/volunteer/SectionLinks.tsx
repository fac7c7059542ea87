import { useTranslation } from 'react-i18next';
import { HubLinks } from '../HubLinks';
import { VOLUNTEER_PATHS } from './volunteerApi';

type Current = 'activities' | 'points' | 'register' | 'redeem' | null;

/** The small hub of 志愿积分: activities, my points, 双报到 and the keepers' redemption, one tap each. */
export function SectionLinks({ current, onOpen }: { current: Current; onOpen: (url: string) => void }) {
  const { t } = useTranslation();
  const links = [
    { key: 'activities', url: VOLUNTEER_PATHS.activities, label: t('residentVolunteer.hubActivities') },
    { key: 'points', url: VOLUNTEER_PATHS.points, label: t('residentVolunteer.hubPoints') },
    { key: 'register', url: VOLUNTEER_PATHS.register, label: t('residentVolunteer.hubRegister') },
    { key: 'redeem', url: VOLUNTEER_PATHS.redeem, label: t('residentVolunteer.hubRedeem') },
  ];
  return <HubLinks label={t('residentVolunteer.hubLabel')} links={links} current={current} onOpen={onOpen} />;
}
