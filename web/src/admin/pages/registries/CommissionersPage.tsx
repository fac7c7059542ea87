/** 社区服务专员: county department staff assigned to a community. */
import { useMemo } from 'react';
import { ORG_LIMITS } from '@xj/contracts/domain';
import type { CommissionerDto } from '@xj/contracts';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';

export default function CommissionersPage() {
  const c = useRegistryCommon();
  const spec = useMemo<RegistrySpec<CommissionerDto>>(() => {
    const { t } = c;
    return {
      title: t('nav.commissioners'),
      description: t('registry.commissioners.description'),
      apiPath: '/api/commissioners',
      excel: { name: 'commissioners' },
      writePermission: 'people.write',
      filters: [c.searchFilter, c.nodeFilter],
      columns: [
        ...c.personColumns<CommissionerDto>(),
        { title: t('registry.commissioners.department'), dataIndex: 'department' },
        { title: t('registry.commissioners.rank'), dataIndex: 'rank', width: 110, render: (v: string | null) => v ?? '—' },
        { title: t('registry.commissioners.community'), dataIndex: 'communityName', width: 140 },
        { title: t('registry.commissioners.account'), dataIndex: 'username', width: 120, render: (v: string | null) => v ?? '—' },
      ],
      nameOf: (r) => r.person.name,
      detailItems: (r) => [
        ...c.personItems(r.person),
        { key: 'department', label: t('registry.commissioners.department'), children: r.department },
        { key: 'rank', label: t('registry.commissioners.rank'), children: r.rank ?? '—' },
        { key: 'community', label: t('registry.commissioners.community'), children: r.communityName },
        { key: 'account', label: t('registry.commissioners.account'), children: r.username ?? '—' },
      ],
      form: {
        fields: [
          { name: 'personId', label: t('registry.person'), kind: 'person', required: true, createOnly: true },
          { name: 'department', label: t('registry.commissioners.department'), kind: 'text', max: ORG_LIMITS.departmentMax, required: true },
          { name: 'rank', label: t('registry.commissioners.rank'), kind: 'text', max: ORG_LIMITS.rankMax },
          {
            name: 'communityId',
            label: t('registry.commissioners.community'),
            kind: 'node',
            selectableKinds: ['community'],
            required: true,
            fallbackLabel: (r) => (r as CommissionerDto).communityName,
          },
        ],
        valuesOf: (r) => ({ department: r.department, rank: r.rank, communityId: r.communityId }),
      },
    };
  }, [c]);
  return <RegistryPage spec={spec} />;
}
