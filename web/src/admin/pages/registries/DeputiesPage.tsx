/** 两代表一委员: people's congress deputies, party congress delegates and CPPCC members. */
import { useMemo } from 'react';
import { DEPUTY_BODIES, DEPUTY_BODY_LABELS, DEPUTY_LEVEL_LABELS, DEPUTY_LEVELS } from '@xj/contracts/domain';
import type { DeputyDto } from '@xj/contracts';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';

export default function DeputiesPage() {
  const c = useRegistryCommon();
  const e = useEnumLabels();
  const spec = useMemo<RegistrySpec<DeputyDto>>(() => {
    const { t } = c;
    const bodies = e.options(DEPUTY_BODIES, DEPUTY_BODY_LABELS);
    const levels = e.options(DEPUTY_LEVELS, DEPUTY_LEVEL_LABELS);
    return {
      title: t('nav.deputies'),
      description: t('registry.deputies.description'),
      apiPath: '/api/deputies',
      excel: { name: 'deputies' },
      writePermission: 'people.write',
      filters: [
        c.searchFilter,
        c.nodeFilter,
        { key: 'body', kind: 'select', label: t('registry.deputies.body'), options: bodies },
        { key: 'level', kind: 'select', label: t('registry.deputies.level'), options: levels },
      ],
      columns: [
        ...c.personColumns<DeputyDto>(),
        { title: t('registry.deputies.body'), dataIndex: 'body', width: 140, render: (v: DeputyDto['body']) => e.label(DEPUTY_BODY_LABELS, v) },
        { title: t('registry.deputies.level'), dataIndex: 'level', width: 90, render: (v: DeputyDto['level']) => e.label(DEPUTY_LEVEL_LABELS, v) },
        { title: t('registry.node'), dataIndex: 'nodeName' },
      ],
      nameOf: (r) => r.person.name,
      detailItems: (r) => [
        ...c.personItems(r.person),
        { key: 'body', label: t('registry.deputies.body'), children: e.label(DEPUTY_BODY_LABELS, r.body) },
        { key: 'level', label: t('registry.deputies.level'), children: e.label(DEPUTY_LEVEL_LABELS, r.level) },
        { key: 'node', label: t('registry.node'), children: r.nodeName },
      ],
      form: {
        fields: [
          { name: 'personId', label: t('registry.person'), kind: 'person', required: true, createOnly: true },
          { name: 'body', label: t('registry.deputies.body'), kind: 'select', options: bodies, required: true },
          { name: 'level', label: t('registry.deputies.level'), kind: 'select', options: levels, required: true },
          { name: 'nodeId', label: t('registry.node'), kind: 'node', fallbackLabel: (r) => (r as DeputyDto).nodeName },
        ],
        valuesOf: (r) => ({ body: r.body, level: r.level, nodeId: r.nodeId }),
      },
    };
  }, [c, e]);
  return <RegistryPage spec={spec} />;
}
