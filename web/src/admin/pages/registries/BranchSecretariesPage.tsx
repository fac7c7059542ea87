/** 支部书记: secretaries of the compound party branches, their background and term. */
import { useMemo } from 'react';
import { SECRETARY_BACKGROUND_LABELS, SECRETARY_BACKGROUNDS } from '@xj/contracts/domain';
import type { BranchSecretaryDto } from '@xj/contracts';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';

const compoundNames = (r: BranchSecretaryDto) => r.compounds.map((c) => c.name).join('、') || '—';

export default function BranchSecretariesPage() {
  const c = useRegistryCommon();
  const e = useEnumLabels();
  const spec = useMemo<RegistrySpec<BranchSecretaryDto>>(() => {
    const { t } = c;
    const backgrounds = e.options(SECRETARY_BACKGROUNDS, SECRETARY_BACKGROUND_LABELS);
    const term = (r: BranchSecretaryDto) => `${r.termStart} ~ ${r.termEnd ?? t('registry.secretaries.termOpen')}`;
    return {
      title: t('nav.branchSecretaries'),
      description: t('registry.secretaries.description'),
      apiPath: '/api/branch-secretaries',
      writePermission: 'people.write',
      excel: { name: 'branch-secretaries' },
      filters: [
        { ...c.searchFilter, placeholder: t('registry.secretaries.searchPlaceholder') },
        c.nodeFilter,
        { key: 'background', kind: 'select', label: t('registry.secretaries.background'), options: backgrounds },
        { key: 'current', kind: 'select', label: t('registry.secretaries.current'), options: c.boolOptions },
      ],
      columns: [
        { title: t('registry.secretaries.branch'), dataIndex: 'branchName', width: 200 },
        { title: t('registry.secretaries.compounds'), key: 'compounds', width: 160, render: (_: unknown, r: BranchSecretaryDto) => compoundNames(r) },
        ...c.personColumns<BranchSecretaryDto>(),
        { title: t('registry.secretaries.background'), dataIndex: 'background', width: 130, render: (v: BranchSecretaryDto['background']) => e.label(SECRETARY_BACKGROUND_LABELS, v) },
        { title: t('registry.secretaries.term'), key: 'term', width: 210, render: (_: unknown, r: BranchSecretaryDto) => term(r) },
        { title: t('registry.secretaries.current'), dataIndex: 'current', width: 80, render: c.yesNo },
      ],
      nameOf: (r) => `${r.branchName} · ${r.person.name}`,
      detailItems: (r) => [
        { key: 'branch', label: t('registry.secretaries.branch'), children: r.branchName },
        { key: 'compounds', label: t('registry.secretaries.compounds'), children: compoundNames(r) },
        ...c.personItems(r.person),
        { key: 'background', label: t('registry.secretaries.background'), children: e.label(SECRETARY_BACKGROUND_LABELS, r.background) },
        { key: 'term', label: t('registry.secretaries.term'), children: term(r) },
        { key: 'current', label: t('registry.secretaries.current'), children: c.yesNo(r.current) },
      ],
      form: {
        fields: [
          { name: 'personId', label: t('registry.person'), kind: 'person', required: true, createOnly: true },
          {
            name: 'branchId',
            label: t('registry.secretaries.branch'),
            kind: 'remote',
            required: true,
            createOnly: true,
            source: { path: '/api/party-orgs', query: { kind: 'branch' }, labelOf: (o) => String(o.name), placeholder: t('registry.secretaries.pickBranch') },
          },
          { name: 'background', label: t('registry.secretaries.background'), kind: 'select', options: backgrounds, required: true },
          { name: 'termStart', label: t('registry.secretaries.termStart'), kind: 'date', required: true },
          { name: 'termEnd', label: t('registry.secretaries.termEnd'), kind: 'date', help: t('registry.secretaries.termEndHelp') },
          { name: 'endPrevious', label: t('registry.secretaries.endPrevious'), kind: 'switch', createOnly: true, help: t('registry.secretaries.endPreviousHelp') },
        ],
        valuesOf: (r) => ({ background: r.background, termStart: r.termStart, termEnd: r.termEnd }),
      },
    };
  }, [c, e]);
  return <RegistryPage spec={spec} />;
}
