import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { pick, type Bilingual } from '../../shared/labels';
import type { Option } from './types';

/** Label lookups and select options for the bilingual label maps of @xj/contracts/domain. */
export function useEnumLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const label = useCallback(<K extends string>(map: Record<K, Bilingual>, v: K | null | undefined) => (v ? pick(map[v], lang, v) : '—'), [lang]);
  const options = useCallback(
    <K extends string>(keys: readonly K[], map: Record<K, Bilingual>): Option[] => keys.map((k) => ({ value: k, label: pick(map[k], lang, k) })),
    [lang],
  );
  return { label, options };
}
