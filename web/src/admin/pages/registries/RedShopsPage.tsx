/** 红色商铺: shops that serve residents and honour points. */
import { useMemo } from 'react';
import type { RedShopDto } from '@xj/contracts';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';

export default function RedShopsPage() {
  const c = useRegistryCommon();
  const spec = useMemo<RegistrySpec<RedShopDto>>(() => {
    const { t } = c;
    return {
      title: t('nav.redShops'),
      description: t('registry.shops.description'),
      apiPath: '/api/red-shops',
      excel: { name: 'red-shops' },
      writePermission: 'orgs.write',
      filters: [
        { key: 'q', kind: 'q', label: t('registry.search'), placeholder: t('registry.nameSearch') },
        c.nodeFilter,
        { key: 'honoursPoints', kind: 'select', label: t('registry.shops.honoursPoints'), options: c.boolOptions },
      ],
      columns: [
        { title: t('registry.name'), dataIndex: 'name', width: 180 },
        { title: t('registry.node'), dataIndex: 'nodeName', width: 140 },
        { title: t('registry.shops.keeper'), key: 'keeper', width: 110, render: (_: unknown, r: RedShopDto) => r.keeper?.name ?? '—' },
        { title: t('registry.services'), dataIndex: 'services', render: (v: string[]) => v.join('、') || '—' },
        { title: t('registry.shops.honoursPoints'), dataIndex: 'honoursPoints', width: 100, render: c.yesNo },
        { title: t('registry.shops.joinedDate'), dataIndex: 'joinedDate', width: 120, render: (v: string | null) => v ?? '—' },
      ],
      nameOf: (r) => r.name,
      detailItems: (r) => [
        { key: 'name', label: t('registry.name'), children: r.name },
        { key: 'node', label: t('registry.node'), children: r.nodeName },
        { key: 'keeper', label: t('registry.shops.keeper'), children: r.keeper ? `${r.keeper.name}（${r.keeper.phone ?? '—'}）` : '—' },
        { key: 'services', label: t('registry.services'), children: r.services.join('、') || '—' },
        { key: 'points', label: t('registry.shops.honoursPoints'), children: c.yesNo(r.honoursPoints) },
        { key: 'joined', label: t('registry.shops.joinedDate'), children: r.joinedDate ?? '—' },
      ],
      form: {
        fields: [
          { name: 'name', label: t('registry.name'), kind: 'text', required: true },
          { name: 'nodeId', label: t('registry.node'), kind: 'node', required: true, fallbackLabel: (r) => (r as RedShopDto).nodeName },
          { name: 'keeperId', label: t('registry.shops.keeper'), kind: 'person', fallbackLabel: (r) => (r as RedShopDto).keeper?.name },
          { name: 'services', label: t('registry.services'), kind: 'tags', help: t('registry.servicesHelp') },
          { name: 'honoursPoints', label: t('registry.shops.honoursPoints'), kind: 'switch' },
          { name: 'joinedDate', label: t('registry.shops.joinedDate'), kind: 'date' },
        ],
        valuesOf: (r) => ({ name: r.name, nodeId: r.nodeId, keeperId: r.keeper?.id, services: r.services, honoursPoints: r.honoursPoints, joinedDate: r.joinedDate }),
      },
    };
  }, [c]);
  return <RegistryPage spec={spec} />;
}
