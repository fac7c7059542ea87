/**
 * 商量办公室: the registry of consultation offices (where, the venue they use, opening hours,
 * contact), on the generic registry page. The export has no import counterpart on the server,
 * so it sits in the header (the whole list in the caller's scope) rather than in `excel`.
 */
import { useMemo } from 'react';
import { OFFICE_LIMITS } from '@xj/contracts/domain';
import type { ConsultationOfficeDto } from '@xj/contracts';
import { ExportButton } from '../../components/ExportButton';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';

export default function OfficesPage() {
  const c = useRegistryCommon();
  const spec = useMemo<RegistrySpec<ConsultationOfficeDto>>(() => {
    const { t } = c;
    const dash = (v: string | null) => v ?? '—';
    return {
      title: t('nav.consultOffices'),
      description: t('consult.offices.description'),
      apiPath: '/api/consultations/offices',
      writePermission: 'consultations.manage',
      headerExtra: <ExportButton path="/api/consultations/offices/export" filters={{}} fallbackName="consultation-offices.xlsx" canUnmask={false} />,
      filters: [
        { key: 'q', kind: 'q', label: t('registry.search'), placeholder: t('registry.nameSearch') },
        { key: 'nodeId', kind: 'node', label: t('consult.topics.place') },
        { key: 'active', kind: 'select', label: t('consult.offices.active'), options: c.boolOptions },
      ],
      columns: [
        { title: t('registry.name'), dataIndex: 'name', width: 180 },
        { title: t('consult.topics.place'), dataIndex: 'nodeName', width: 140 },
        { title: t('consult.offices.venue'), dataIndex: 'venue', width: 180, render: dash },
        { title: t('consult.offices.openingHours'), dataIndex: 'openingHours', width: 160, render: dash },
        { title: t('consult.offices.contactName'), dataIndex: 'contactName', width: 100, render: dash },
        { title: t('consult.offices.contactPhone'), dataIndex: 'contactPhone', width: 130, render: (v: string | null) => <span className="mono">{dash(v)}</span> },
        { title: t('consult.offices.active'), dataIndex: 'active', width: 80, render: c.yesNo },
      ],
      nameOf: (r) => r.name,
      detailItems: (r) => [
        { key: 'name', label: t('registry.name'), children: r.name },
        { key: 'node', label: t('consult.topics.place'), children: r.nodeName },
        { key: 'venue', label: t('consult.offices.venue'), children: dash(r.venue) },
        { key: 'address', label: t('consult.offices.address'), children: dash(r.address) },
        { key: 'hours', label: t('consult.offices.openingHours'), children: dash(r.openingHours) },
        { key: 'contact', label: t('consult.offices.contactName'), children: dash(r.contactName) },
        { key: 'phone', label: t('consult.offices.contactPhone'), children: <span className="mono">{dash(r.contactPhone)}</span> },
        { key: 'active', label: t('consult.offices.active'), children: c.yesNo(r.active) },
      ],
      form: {
        fields: [
          { name: 'name', label: t('registry.name'), kind: 'text', max: OFFICE_LIMITS.nameMax, required: true },
          { name: 'nodeId', label: t('consult.topics.place'), kind: 'node', required: true, selectableKinds: ['community', 'compound'], fallbackLabel: (r) => (r as ConsultationOfficeDto).nodeName },
          { name: 'venue', label: t('consult.offices.venue'), kind: 'text', max: OFFICE_LIMITS.venueMax },
          { name: 'address', label: t('consult.offices.address'), kind: 'text', max: OFFICE_LIMITS.addressMax },
          { name: 'openingHours', label: t('consult.offices.openingHours'), kind: 'text', max: OFFICE_LIMITS.hoursMax },
          { name: 'contactName', label: t('consult.offices.contactName'), kind: 'text', max: OFFICE_LIMITS.contactNameMax },
          { name: 'contactPhone', label: t('consult.offices.contactPhone'), kind: 'text', max: 20, validate: c.phoneProblem },
          { name: 'active', label: t('consult.offices.active'), kind: 'switch', help: t('consult.offices.activeHelp') },
        ],
        valuesOf: (r) => ({
          name: r.name,
          nodeId: r.nodeId,
          venue: r.venue,
          address: r.address,
          openingHours: r.openingHours,
          contactName: r.contactName,
          contactPhone: r.contactPhone,
          active: r.active,
        }),
      },
    };
  }, [c]);
  return <RegistryPage spec={spec} />;
}
