/** Picks the zh/en variant of the label maps exported by @xj/contracts. */
import { useTranslation } from 'react-i18next';
import { COMPOUND_KIND_LABELS, NODE_KIND_LABELS, PARTY_ORG_KIND_LABELS, ROLE_LABELS } from '@xj/contracts/domain';
import type { CompoundKind, NodeKind, Role } from '@xj/contracts';

export type Bilingual = { zh: string; en: string };

export function pick(label: Bilingual | undefined, lang: string, fallback = ''): string {
  if (!label) return fallback;
  return lang === 'en' ? label.en : label.zh;
}

/** Hook returning label lookups bound to the current language. */
export function useLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    nodeKind: (k: NodeKind | string) => pick((NODE_KIND_LABELS as Record<string, Bilingual>)[k], lang, k),
    compoundKind: (k: CompoundKind | string | null | undefined) =>
      k ? pick((COMPOUND_KIND_LABELS as Record<string, Bilingual>)[k], lang, k) : '',
    role: (r: Role | string) => pick((ROLE_LABELS as Record<string, Bilingual>)[r], lang, r),
    partyOrgKind: (k: string) => pick((PARTY_ORG_KIND_LABELS as Record<string, Bilingual>)[k], lang, k),
  };
}
