/** 红色物业: property companies, their party organisation and their service contracts per compound. */
import { useMemo } from 'react';
import { creditCodeProblem, LIMITS } from '@xj/contracts/domain';
import type { PropertyCompanyDto } from '@xj/contracts';
import { PropertyContractsTable } from '../../registry/PropertyContractsTable';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';

export default function PropertyCompaniesPage() {
  const c = useRegistryCommon();
  const spec = useMemo<RegistrySpec<PropertyCompanyDto>>(() => {
    const { t } = c;
    return {
      title: t('nav.propertyCompanies'),
      description: t('registry.companies.description'),
      apiPath: '/api/property-companies',
      excel: { name: 'property-companies' },
      writePermission: 'orgs.write',
      filters: [
        { key: 'q', kind: 'q', label: t('registry.search'), placeholder: t('registry.companies.searchPlaceholder') },
        { key: 'hasPartyOrg', kind: 'select', label: t('registry.companies.hasPartyOrg'), options: c.boolOptions },
      ],
      columns: [
        { title: t('registry.name'), dataIndex: 'name', width: 200 },
        { title: t('registry.companies.creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string) => <span className="mono">{v}</span> },
        { title: t('registry.companies.contact'), key: 'contact', width: 110, render: (_: unknown, r: PropertyCompanyDto) => r.contactName ?? '—' },
        { title: t('registry.companies.hasPartyOrg'), dataIndex: 'hasPartyOrg', width: 110, render: c.yesNo },
        { title: t('registry.companies.partyOrgName'), dataIndex: 'partyOrgName', render: (v: string | null) => v ?? '—' },
      ],
      nameOf: (r) => r.name,
      detailItems: (r) => [
        { key: 'name', label: t('registry.name'), children: r.name },
        { key: 'credit', label: t('registry.companies.creditCode'), children: <span className="mono">{r.creditCode}</span> },
        { key: 'contact', label: t('registry.companies.contact'), children: r.contactName ?? '—' },
        { key: 'phone', label: t('registry.companies.contactPhone'), children: <span className="mono">{r.contactPhone ?? '—'}</span> },
        { key: 'hasOrg', label: t('registry.companies.hasPartyOrg'), children: c.yesNo(r.hasPartyOrg) },
        { key: 'org', label: t('registry.companies.partyOrgName'), children: r.partyOrgName ?? '—' },
        { key: 'committee', label: t('registry.companies.industryCommittee'), children: r.industryCommitteeName ?? '—' },
      ],
      detailExtra: (r) => <PropertyContractsTable companyId={r.id} />,
      form: {
        fields: [
          { name: 'name', label: t('registry.name'), kind: 'text', max: LIMITS.nameMax, required: true },
          { name: 'creditCode', label: t('registry.companies.creditCode'), kind: 'text', max: 18, required: true, validate: creditCodeProblem },
          { name: 'contactName', label: t('registry.companies.contact'), kind: 'text', max: 50 },
          { name: 'contactPhone', label: t('registry.companies.contactPhone'), kind: 'text', max: 20, validate: c.phoneProblem },
          { name: 'hasPartyOrg', label: t('registry.companies.hasPartyOrg'), kind: 'switch' },
          { name: 'partyOrgName', label: t('registry.companies.partyOrgName'), kind: 'text', max: LIMITS.nameMax },
          { name: 'industryCommitteeName', label: t('registry.companies.industryCommittee'), kind: 'text', max: LIMITS.nameMax },
        ],
        valuesOf: (r) => ({
          name: r.name,
          creditCode: r.creditCode,
          contactName: r.contactName,
          contactPhone: r.contactPhone,
          hasPartyOrg: r.hasPartyOrg,
          partyOrgName: r.partyOrgName,
          industryCommitteeName: r.industryCommitteeName,
        }),
      },
    };
  }, [c]);
  return <RegistryPage spec={spec} />;
}
