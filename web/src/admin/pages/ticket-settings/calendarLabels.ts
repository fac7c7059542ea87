/** 节假日 / 调休上班 in the current language. */
import { useTranslation } from 'react-i18next';
import { CALENDAR_DAY_KIND_LABELS } from '@xj/contracts/domain';
import type { CalendarDayKind } from '@xj/contracts';

export function useCalendarKindLabel(): (kind: CalendarDayKind) => string {
  const { i18n } = useTranslation();
  return (kind) => (i18n.language === 'en' ? CALENDAR_DAY_KIND_LABELS[kind].en : CALENDAR_DAY_KIND_LABELS[kind].zh);
}
