/** 党员: members managed by a compound branch (小区直管) or dual-registered there (双报到). */
import { useMemo } from 'react';
import { LIMITS, PARTY_MEMBER_MANAGEMENT_LABELS, PARTY_MEMBER_MANAGEMENTS, PARTY_MEMBER_STATUS_LABELS, PARTY_MEMBER_STATUSES } from '@xj/contracts/domain';
import type { PartyMemberDto } from '@xj/contracts';
import { ToneTag } from '../../components/ToneTag';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';

export default function PartyMembersPage() {
  const c = useRegistryCommon();
  const e = useEnumLabels();
  const spec = useMemo<RegistrySpec<PartyMemberDto>>(() => {
    const { t } = c;
    const statuses = e.options(PARTY_MEMBER_STATUSES, PARTY_MEMBER_STATUS_LABELS);
    const managements = e.options(PARTY_MEMBER_MANAGEMENTS, PARTY_MEMBER_MANAGEMENT_LABELS);
    return {
      title: t('nav.partyMembers'),
      description: t('registry.members.description'),
      apiPath: '/api/party-members',
      excel: { name: 'party-members' },
      writePermission: 'people.write',
      filters: [
        c.searchFilter,
        c.nodeFilter,
        { key: 'status', kind: 'select', label: t('registry.members.status'), options: statuses },
        { key: 'management', kind: 'select', label: t('registry.members.management'), options: managements },
      ],
      columns: [
        ...c.personColumns<PartyMemberDto>(),
        {
          title: t('registry.members.status'),
          dataIndex: 'status',
          width: 110,
          render: (v: PartyMemberDto['status']) => <ToneTag tone={v === 'full' ? 'red' : 'gold'}>{e.label(PARTY_MEMBER_STATUS_LABELS, v)}</ToneTag>,
        },
        { title: t('registry.members.management'), dataIndex: 'management', width: 110, render: (v: PartyMemberDto['management']) => e.label(PARTY_MEMBER_MANAGEMENT_LABELS, v) },
        { title: t('registry.members.joinedDate'), dataIndex: 'joinedDate', width: 120 },
        { title: t('registry.members.branch'), dataIndex: 'branchName', width: 180 },
        { title: t('registry.compound'), dataIndex: 'nodeName', width: 130 },
        { title: t('registry.members.workplaceOrg'), dataIndex: 'workplaceOrg', render: (v: string | null) => v ?? '—' },
      ],
      nameOf: (r) => r.person.name,
      detailItems: (r) => [
        ...c.personItems(r.person),
        { key: 'status', label: t('registry.members.status'), children: e.label(PARTY_MEMBER_STATUS_LABELS, r.status) },
        { key: 'joined', label: t('registry.members.joinedDate'), children: r.joinedDate },
        { key: 'management', label: t('registry.members.management'), children: e.label(PARTY_MEMBER_MANAGEMENT_LABELS, r.management) },
        { key: 'branch', label: t('registry.members.branch'), children: r.branchName },
        { key: 'node', label: t('registry.compound'), children: r.nodeName },
        { key: 'workplace', label: t('registry.members.workplaceOrg'), children: r.workplaceOrg ?? '—' },
      ],
      form: {
        fields: [
          { name: 'personId', label: t('registry.person'), kind: 'person', required: true, createOnly: true },
          { name: 'status', label: t('registry.members.status'), kind: 'select', options: statuses, required: true },
          { name: 'joinedDate', label: t('registry.members.joinedDate'), kind: 'date', required: true },
          {
            name: 'branchId',
            label: t('registry.members.branch'),
            kind: 'remote',
            required: true,
            source: { path: '/api/party-orgs', query: { kind: 'branch' }, labelOf: (o) => String(o.name), placeholder: t('registry.members.pickBranch') },
            fallbackLabel: (r) => (r as PartyMemberDto).branchName,
          },
          { name: 'management', label: t('registry.members.management'), kind: 'select', options: managements, required: true },
          { name: 'workplaceOrg', label: t('registry.members.workplaceOrg'), kind: 'text', max: LIMITS.nameMax, help: t('registry.members.workplaceHelp') },
          { name: 'nodeId', label: t('registry.compound'), kind: 'node', selectableKinds: ['compound'], required: true, fallbackLabel: (r) => (r as PartyMemberDto).nodeName },
        ],
        valuesOf: (r) => ({ status: r.status, joinedDate: r.joinedDate, branchId: r.branchId, management: r.management, workplaceOrg: r.workplaceOrg, nodeId: r.nodeId }),
      },
    };
  }, [c, e]);
  return <RegistryPage spec={spec} />;
}
