/** "3 个工作日" / "24 小时" (and English), for a category's deadline or response limit. */
import { useTranslation } from 'react-i18next';
import type { DeadlineUnit } from '@xj/contracts';

export function useDeadlineText(): (n: number, unit: DeadlineUnit) => string {
  const { t } = useTranslation();
  return (n, unit) => (unit === 'hours' ? t('ticketSettings.categories.hours', { n }) : t('ticketSettings.categories.workingDays', { n }));
}
