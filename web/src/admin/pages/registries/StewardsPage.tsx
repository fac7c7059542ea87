/** 红色管家: stewards of a compound's stairwells, some also property-quality supervisors. */
import { useMemo } from 'react';
import type { StewardDto } from '@xj/contracts';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';

const stairwellNames = (r: StewardDto) => r.stairwells.map((s) => `${s.buildingName}${s.name}`).join('、') || '—';

export default function StewardsPage() {
  const c = useRegistryCommon();
  const spec = useMemo<RegistrySpec<StewardDto>>(() => {
    const { t } = c;
    return {
      title: t('nav.stewards'),
      description: t('registry.stewards.description'),
      apiPath: '/api/stewards',
      excel: { name: 'stewards' },
      writePermission: 'people.write',
      filters: [c.searchFilter, c.nodeFilter, { key: 'qualitySupervisor', kind: 'select', label: t('registry.stewards.supervisor'), options: c.boolOptions }],
      columns: [
        ...c.personColumns<StewardDto>(),
        { title: t('registry.compound'), dataIndex: 'compoundName', width: 140 },
        { title: t('registry.stewards.stairwells'), key: 'stairwells', render: (_: unknown, r: StewardDto) => stairwellNames(r) },
        { title: t('registry.stewards.supervisor'), dataIndex: 'qualitySupervisor', width: 130, render: c.yesNo },
        { title: t('registry.stewards.since'), dataIndex: 'since', width: 120 },
      ],
      nameOf: (r) => r.person.name,
      detailItems: (r) => [
        ...c.personItems(r.person),
        { key: 'compound', label: t('registry.compound'), children: r.compoundName },
        { key: 'stairwells', label: t('registry.stewards.stairwells'), children: stairwellNames(r) },
        { key: 'supervisor', label: t('registry.stewards.supervisor'), children: c.yesNo(r.qualitySupervisor) },
        { key: 'since', label: t('registry.stewards.since'), children: r.since },
      ],
      form: {
        fields: [
          { name: 'personId', label: t('registry.person'), kind: 'person', required: true, createOnly: true },
          { name: 'compoundId', label: t('registry.compound'), kind: 'node', selectableKinds: ['compound'], required: true, createOnly: true },
          { name: 'stairwellIds', label: t('registry.stewards.stairwells'), kind: 'stairwells', compoundField: 'compoundId', required: true },
          { name: 'qualitySupervisor', label: t('registry.stewards.supervisor'), kind: 'switch', help: t('registry.stewards.supervisorHelp') },
          { name: 'since', label: t('registry.stewards.since'), kind: 'date', required: true },
        ],
        valuesOf: (r) => ({ compoundId: r.compoundId, stairwellIds: r.stairwells.map((s) => s.id), qualitySupervisor: r.qualitySupervisor, since: r.since }),
      },
    };
  }, [c]);
  return <RegistryPage spec={spec} />;
}
