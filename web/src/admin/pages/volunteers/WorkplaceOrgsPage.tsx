/** 报到单位: workplace organisations (单位党组织) registered at a community, on the generic registry page; marked withdrawn (撤回) and back in the list. */
import { useMemo } from 'react';
import { VOLUNTEER_LIMITS, WORKPLACE_ORG_STATUS_LABELS, WORKPLACE_ORG_STATUSES, WORKPLACE_PARTY_ORG_TYPE_LABELS, WORKPLACE_PARTY_ORG_TYPES } from '@xj/contracts/domain';
import type { WorkplaceOrgDto } from '@xj/contracts';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { useSession } from '../../session';
import { WorkplaceOrgStatusCell } from './WorkplaceOrgStatusCell';

export default function WorkplaceOrgsPage() {
  const c = useRegistryCommon();
  const { label, options } = useEnumLabels();
  const canManage = useSession().can('volunteers.manage');
  const spec = useMemo<RegistrySpec<WorkplaceOrgDto>>(() => {
    const { t } = c;
    const dash = (v: string | null) => v ?? '—';
    const phone = (v: string | null) => <span className="mono">{dash(v)}</span>;
    return {
      title: t('nav.volWorkplaceOrgs'),
      description: t('volunteers.orgs.description'),
      apiPath: '/api/volunteers/workplace-orgs',
      writePermission: 'volunteers.manage',
      filters: [
        { key: 'q', kind: 'q', label: t('registry.search'), placeholder: t('registry.nameSearch') },
        { key: 'nodeId', kind: 'node', label: t('volunteers.orgs.community') },
        { key: 'status', kind: 'select', label: t('volunteers.common.status'), options: options(WORKPLACE_ORG_STATUSES, WORKPLACE_ORG_STATUS_LABELS) },
      ],
      columns: [
        { title: t('volunteers.orgs.name'), dataIndex: 'name', width: 200 },
        { title: t('volunteers.orgs.community'), dataIndex: 'communityName', width: 140 },
        { title: t('volunteers.orgs.partyOrgType'), dataIndex: 'partyOrgType', width: 120, render: (v: WorkplaceOrgDto['partyOrgType']) => label(WORKPLACE_PARTY_ORG_TYPE_LABELS, v) },
        { title: t('volunteers.orgs.contactName'), dataIndex: 'contactName', width: 100, render: dash },
        { title: t('volunteers.orgs.contactPhone'), dataIndex: 'contactPhone', width: 130, render: phone },
        { title: t('volunteers.orgs.registeredAt'), dataIndex: 'registeredAt', width: 110 },
        {
          title: t('volunteers.common.status'),
          key: 'status',
          width: canManage ? 170 : 90,
          // Keyed by id and status so that a reloaded list shows the server's value.
          render: (_: unknown, r: WorkplaceOrgDto) => <WorkplaceOrgStatusCell key={`${r.id}-${r.status}`} org={r} canManage={canManage} />,
        },
      ],
      nameOf: (r) => r.name,
      detailItems: (r) => [
        { key: 'name', label: t('volunteers.orgs.name'), children: r.name },
        { key: 'community', label: t('volunteers.orgs.community'), children: r.communityName },
        { key: 'creditCode', label: t('volunteers.orgs.creditCode'), children: <span className="mono">{dash(r.creditCode)}</span> },
        { key: 'type', label: t('volunteers.orgs.partyOrgType'), children: label(WORKPLACE_PARTY_ORG_TYPE_LABELS, r.partyOrgType) },
        { key: 'partyOrgName', label: t('volunteers.orgs.partyOrgName'), children: dash(r.partyOrgName) },
        { key: 'contact', label: t('volunteers.orgs.contactName'), children: dash(r.contactName) },
        { key: 'phone', label: t('volunteers.orgs.contactPhone'), children: phone(r.contactPhone) },
        { key: 'registeredAt', label: t('volunteers.orgs.registeredAt'), children: r.registeredAt },
        { key: 'status', label: t('volunteers.common.status'), children: label(WORKPLACE_ORG_STATUS_LABELS, r.status) },
      ],
      form: {
        fields: [
          { name: 'communityId', label: t('volunteers.orgs.community'), kind: 'node', required: true, createOnly: true, selectableKinds: ['community'] },
          { name: 'name', label: t('volunteers.orgs.name'), kind: 'text', max: VOLUNTEER_LIMITS.orgNameMax, required: true },
          { name: 'creditCode', label: t('volunteers.orgs.creditCode'), kind: 'text', max: 18 },
          { name: 'partyOrgType', label: t('volunteers.orgs.partyOrgType'), kind: 'select', required: true, options: options(WORKPLACE_PARTY_ORG_TYPES, WORKPLACE_PARTY_ORG_TYPE_LABELS) },
          { name: 'partyOrgName', label: t('volunteers.orgs.partyOrgName'), kind: 'text', max: VOLUNTEER_LIMITS.orgNameMax },
          { name: 'contactName', label: t('volunteers.orgs.contactName'), kind: 'text', max: VOLUNTEER_LIMITS.contactNameMax },
          { name: 'contactPhone', label: t('volunteers.orgs.contactPhone'), kind: 'text', max: 20, validate: c.phoneProblem },
          { name: 'registeredAt', label: t('volunteers.orgs.registeredAt'), kind: 'date' },
        ],
        valuesOf: (r) => ({
          name: r.name,
          creditCode: r.creditCode,
          partyOrgType: r.partyOrgType,
          partyOrgName: r.partyOrgName,
          contactName: r.contactName,
          contactPhone: r.contactPhone,
          registeredAt: r.registeredAt,
        }),
      },
    };
  }, [c, label, options, canManage]);
  return <RegistryPage spec={spec} />;
}
