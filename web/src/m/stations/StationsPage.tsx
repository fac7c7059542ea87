import { useTranslation } from 'react-i18next';

export default function StationsPage() {
  const { t } = useTranslation();
  return <h1>{t('residentStations.title')}</h1>;
}
