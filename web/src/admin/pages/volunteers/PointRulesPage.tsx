/** 积分规则: how many points each kind of service earns; the county changes points and switches rules on or off. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { POINT_RULE_UNIT_LABELS } from '@xj/contracts/domain';
import type { PointRuleDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { useSession } from '../../session';
import { PointRuleModal } from './PointRuleModal';

export default function PointRulesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [rules, setRules] = useState<PointRuleDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<PointRuleDto | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ data: PointRuleDto[] }>('/api/points/rules')
      .then((r) => setRules(r.data))
      .catch(() => undefined)
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  const columns: TableProps<PointRuleDto>['columns'] = [
    { title: t('volunteers.points.ruleName'), dataIndex: 'name', width: 160 },
    { title: t('volunteers.points.ruleDescription'), dataIndex: 'description' },
    { title: t('volunteers.points.rulePoints'), key: 'points', width: 140, render: (_: unknown, r) => `${r.points} ${label(POINT_RULE_UNIT_LABELS, r.unit)}` },
    {
      title: t('volunteers.points.ruleActive'),
      key: 'active',
      width: 150,
      render: (_: unknown, r) => (
        <>
          {r.active ? <ToneTag tone="green">{t('volunteers.points.on')}</ToneTag> : <ToneTag tone="grey">{t('volunteers.points.off')}</ToneTag>}
          {r.isDefault && <ToneTag tone="gold">{t('volunteers.points.default')}</ToneTag>}
        </>
      ),
    },
    { title: t('volunteers.points.updatedAt'), dataIndex: 'updatedAt', width: 110, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  ];
  if (can('points.configure')) {
    columns.push({
      title: t('volunteers.common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, r) => (
        <Button size="small" autoInsertSpace={false} onClick={() => setEditing(r)} aria-label={t('volunteers.points.ruleEditFor', { name: r.name })}>
          {t('volunteers.points.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader title={t('nav.pointRules')} description={t('volunteers.points.rulesDescription')} />
      <Card>
        <Table<PointRuleDto> rowKey="code" columns={columns} dataSource={rules} loading={loading} scroll={{ x: 800 }} pagination={false} />
      </Card>
      <PointRuleModal
        rule={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('volunteers.points.ruleSaved'));
          load();
        }}
      />
    </>
  );
}
