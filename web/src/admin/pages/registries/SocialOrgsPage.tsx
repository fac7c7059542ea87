/** 社会组织: volunteer teams, charities and interest groups at their nodes. */
import { useMemo } from 'react';
import { SOCIAL_ORG_KIND_LABELS, SOCIAL_ORG_KINDS } from '@xj/contracts/domain';
import type { SocialOrgDto } from '@xj/contracts';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';

export default function SocialOrgsPage() {
  const c = useRegistryCommon();
  const e = useEnumLabels();
  const spec = useMemo<RegistrySpec<SocialOrgDto>>(() => {
    const { t } = c;
    const kinds = e.options(SOCIAL_ORG_KINDS, SOCIAL_ORG_KIND_LABELS);
    return {
      title: t('nav.socialOrgs'),
      description: t('registry.socialOrgs.description'),
      apiPath: '/api/social-orgs',
      excel: { name: 'social-orgs' },
      writePermission: 'orgs.write',
      filters: [
        { key: 'q', kind: 'q', label: t('registry.search'), placeholder: t('registry.nameSearch') },
        c.nodeFilter,
        { key: 'kind', kind: 'select', label: t('registry.socialOrgs.kind'), options: kinds },
        { key: 'registered', kind: 'select', label: t('registry.socialOrgs.registered'), options: c.boolOptions },
      ],
      columns: [
        { title: t('registry.name'), dataIndex: 'name', width: 180 },
        { title: t('registry.socialOrgs.kind'), dataIndex: 'kind', width: 120, render: (v: SocialOrgDto['kind']) => e.label(SOCIAL_ORG_KIND_LABELS, v) },
        { title: t('registry.node'), dataIndex: 'nodeName', width: 140 },
        { title: t('registry.socialOrgs.contact'), key: 'contact', width: 110, render: (_: unknown, r: SocialOrgDto) => r.contact?.name ?? '—' },
        { title: t('registry.services'), dataIndex: 'services', render: (v: string[]) => v.join('、') || '—' },
        { title: t('registry.socialOrgs.registered'), dataIndex: 'registered', width: 100, render: c.yesNo },
      ],
      nameOf: (r) => r.name,
      detailItems: (r) => [
        { key: 'name', label: t('registry.name'), children: r.name },
        { key: 'kind', label: t('registry.socialOrgs.kind'), children: e.label(SOCIAL_ORG_KIND_LABELS, r.kind) },
        { key: 'node', label: t('registry.node'), children: r.nodeName },
        { key: 'contact', label: t('registry.socialOrgs.contact'), children: r.contact ? `${r.contact.name}（${r.contact.phone ?? '—'}）` : '—' },
        { key: 'services', label: t('registry.services'), children: r.services.join('、') || '—' },
        { key: 'registered', label: t('registry.socialOrgs.registered'), children: c.yesNo(r.registered) },
      ],
      form: {
        fields: [
          { name: 'name', label: t('registry.name'), kind: 'text', required: true },
          { name: 'kind', label: t('registry.socialOrgs.kind'), kind: 'select', options: kinds, required: true },
          { name: 'nodeId', label: t('registry.node'), kind: 'node', required: true, fallbackLabel: (r) => (r as SocialOrgDto).nodeName },
          { name: 'contactId', label: t('registry.socialOrgs.contact'), kind: 'person', fallbackLabel: (r) => (r as SocialOrgDto).contact?.name },
          { name: 'services', label: t('registry.services'), kind: 'tags', help: t('registry.servicesHelp') },
          { name: 'registered', label: t('registry.socialOrgs.registered'), kind: 'switch' },
        ],
        valuesOf: (r) => ({ name: r.name, kind: r.kind, nodeId: r.nodeId, contactId: r.contact?.id, services: r.services, registered: r.registered }),
      },
    };
  }, [c, e]);
  return <RegistryPage spec={spec} />;
}
