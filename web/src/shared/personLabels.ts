/** Labels of people's fields in the interface language. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { GENDER_LABELS } from '@xj/contracts/domain';
import { pick, type Bilingual } from './labels';

export function useGenderLabel(): (g: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return useCallback((g) => (g ? pick((GENDER_LABELS as Record<string, Bilingual>)[g], i18n.language, g) : '—'), [i18n.language]);
}
