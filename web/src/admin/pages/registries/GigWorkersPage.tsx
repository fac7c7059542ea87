/** 新就业群体: couriers, delivery riders and ride-hailing drivers at their home nodes. */
import { useMemo } from 'react';
import { GIG_WORKER_TYPE_LABELS, GIG_WORKER_TYPES, ORG_LIMITS } from '@xj/contracts/domain';
import type { GigWorkerDto } from '@xj/contracts';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';

export default function GigWorkersPage() {
  const c = useRegistryCommon();
  const e = useEnumLabels();
  const spec = useMemo<RegistrySpec<GigWorkerDto>>(() => {
    const { t } = c;
    const types = e.options(GIG_WORKER_TYPES, GIG_WORKER_TYPE_LABELS);
    return {
      title: t('nav.gigWorkers'),
      description: t('registry.gig.description'),
      apiPath: '/api/gig-workers',
      excel: { name: 'gig-workers' },
      writePermission: 'people.write',
      filters: [c.searchFilter, c.nodeFilter, { key: 'type', kind: 'select', label: t('registry.gig.type'), options: types }],
      columns: [
        ...c.personColumns<GigWorkerDto>(),
        { title: t('registry.gig.type'), dataIndex: 'type', width: 110, render: (v: GigWorkerDto['type']) => e.label(GIG_WORKER_TYPE_LABELS, v) },
        { title: t('registry.gig.platform'), dataIndex: 'platform', render: (v: string | null) => v ?? '—' },
        { title: t('registry.homeNode'), dataIndex: 'nodeName' },
      ],
      nameOf: (r) => r.person.name,
      detailItems: (r) => [
        ...c.personItems(r.person),
        { key: 'type', label: t('registry.gig.type'), children: e.label(GIG_WORKER_TYPE_LABELS, r.type) },
        { key: 'platform', label: t('registry.gig.platform'), children: r.platform ?? '—' },
        { key: 'node', label: t('registry.homeNode'), children: r.nodeName },
      ],
      form: {
        fields: [
          { name: 'personId', label: t('registry.person'), kind: 'person', required: true, createOnly: true },
          { name: 'type', label: t('registry.gig.type'), kind: 'select', options: types, required: true },
          { name: 'platform', label: t('registry.gig.platform'), kind: 'text', max: ORG_LIMITS.platformMax },
          { name: 'nodeId', label: t('registry.homeNode'), kind: 'node', help: t('registry.gig.nodeHelp'), fallbackLabel: (r) => (r as GigWorkerDto).nodeName },
        ],
        valuesOf: (r) => ({ type: r.type, platform: r.platform, nodeId: r.nodeId }),
      },
    };
  }, [c, e]);
  return <RegistryPage spec={spec} />;
}
