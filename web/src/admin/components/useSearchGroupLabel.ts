import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchGroup } from '../../shared/search';

/** A one-click query group's name in the interface language (the server's label otherwise). */
export function useSearchGroupLabel(): (g: Pick<SearchGroup, 'type' | 'label'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (g) => {
      switch (g.type) {
        case 'person':
          return t('search.types.person');
        case 'node':
          return t('search.types.node');
        case 'party_org':
          return t('search.types.partyOrg');
        default:
          return g.label;
      }
    },
    [t],
  );
}
