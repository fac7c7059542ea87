import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchGroup } from '../../shared/search';
import type { zhCN } from '../../shared/locales/zh-CN';

type GroupKey = keyof (typeof zhCN)['search']['types'];

/** The `search.types` key of each group type the server's search registry returns (modules' *.search.ts). */
const GROUP_KEYS: Partial<Record<string, GroupKey>> = {
  person: 'person',
  node: 'node',
  party_org: 'partyOrg',
  property_company: 'propertyCompany',
  red_shop: 'redShop',
  social_org: 'socialOrg',
};

/** A one-click query group's name in the interface language (the server's label otherwise). */
export function useSearchGroupLabel(): (g: Pick<SearchGroup, 'type' | 'label'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (g) => {
      const key = GROUP_KEYS[g.type];
      return key ? t(`search.types.${key}`) : g.label;
    },
    [t],
  );
}
