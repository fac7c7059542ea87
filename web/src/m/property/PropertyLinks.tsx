import { useTranslation } from 'react-i18next';
import { HubLinks } from '../HubLinks';
import { PROPERTY_PATHS } from './propertyApi';

/** The small hub of 物业服务评价: grades and the survey, stewards' inspections, member scorecards. */
export function PropertyLinks({ current, onOpen }: { current: keyof typeof PROPERTY_PATHS; onOpen: (url: string) => void }) {
  const { t } = useTranslation();
  const links = [
    { key: 'grades', url: PROPERTY_PATHS.grades, label: t('residentProperty.hubGrades') },
    { key: 'inspect', url: PROPERTY_PATHS.inspect, label: t('residentProperty.hubInspect') },
    { key: 'score', url: PROPERTY_PATHS.score, label: t('residentProperty.hubScore') },
  ];
  return <HubLinks label={t('residentProperty.hubLabel')} links={links} current={current} onOpen={onOpen} />;
}
