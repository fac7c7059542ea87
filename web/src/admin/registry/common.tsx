/** Pieces most registry specs share: the person columns, yes/no, the search and node filters. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidPhone } from '@xj/contracts/domain';
import { ToneTag } from '../components/ToneTag';
import type { FilterSpec } from './types';

interface WithPerson {
  person: { id: number; name: string; phone: string | null; nodeName: string } | null;
}

export function useRegistryCommon() {
  const { t } = useTranslation();
  return useMemo(() => {
    const yesNo = (v: boolean) => (v ? <ToneTag tone="red">{t('common.yes')}</ToneTag> : <ToneTag tone="grey">{t('common.no')}</ToneTag>);
    const personColumns = <T extends WithPerson>() => [
      { title: t('registry.person'), key: 'person', width: 110, render: (_: unknown, r: T) => r.person?.name ?? '—' },
      { title: t('registry.phone'), key: 'phone', width: 130, render: (_: unknown, r: T) => <span className="mono">{r.person?.phone ?? '—'}</span> },
    ];
    const personItems = (p: WithPerson['person']) => [
      { key: 'person', label: t('registry.person'), children: p?.name ?? '—' },
      { key: 'phone', label: t('registry.phone'), children: <span className="mono">{p?.phone ?? '—'}</span> },
      { key: 'home', label: t('registry.home'), children: p?.nodeName ?? '—' },
    ];
    const searchFilter: FilterSpec = { key: 'q', kind: 'q', label: t('registry.search'), placeholder: t('registry.searchPlaceholder') };
    const nodeFilter: FilterSpec = { key: 'nodeId', kind: 'node', label: t('registry.node') };
    const boolOptions = [
      { value: 'true', label: t('common.yes') },
      { value: 'false', label: t('common.no') },
    ];
    const phoneProblem = (v: string) => (isValidPhone(v) ? null : t('people.phoneInvalid'));
    const personLabel = (r: unknown) => {
      const p = (r as WithPerson).person;
      return p ? `${p.name} · ${p.nodeName}` : undefined;
    };
    return { t, yesNo, personColumns, personItems, searchFilter, nodeFilter, boolOptions, phoneProblem, personLabel };
  }, [t]);
}
