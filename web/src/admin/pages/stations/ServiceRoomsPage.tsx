/** 公共服务用房: headline figures, rooms by use and by source, the filtered list, export and the register dialog. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Col, Row, Select, Space, Table, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROOM_SOURCE_LABELS, ROOM_SOURCES, ROOM_USE_LABELS, ROOM_USES } from '@xj/contracts/domain';
import type { RoomSummaryDto, ServiceRoomDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { usePagedList, type Filters } from '../../../shared/usePagedList';
import { ExportButton } from '../../components/ExportButton';
import { FilterSearch } from '../../components/FilterSearch';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { StatCards } from '../../components/StatCards';
import { ToneTag } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { serviceRoomPath } from '../../routes';
import { useSession } from '../../session';
import { ServiceRoomFormModal } from './ServiceRoomFormModal';
import { CountPieChart } from './StationCharts';

export default function ServiceRoomsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const { label, options } = useEnumLabels();
  const list = usePagedList<ServiceRoomDto, Filters>('/api/service-rooms', {});
  const [summary, setSummary] = useState<RoomSummaryDto | null>(null);
  const [creating, setCreating] = useState(false);
  const tableBox = useTableScrollRegion(t('stations.rooms.title'), list.rows);
  const nodeId = list.filters.nodeId as number | undefined;
  const area = useCallback((n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 2 }), [i18n.language]);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<RoomSummaryDto>('/api/service-rooms/summary', { query: { nodeId }, signal: controller.signal })
      .then(setSummary)
      .catch(() => undefined);
    return () => controller.abort();
  }, [nodeId]);

  const select = (key: string, placeholder: string, opts: { value: string; label: string }[]) => (
    <Select<string>
      allowClear
      className="filter-select"
      aria-label={placeholder}
      placeholder={placeholder}
      value={list.filters[key] as string | undefined}
      onChange={(v) => list.setFilters({ [key]: v ?? undefined })}
      options={opts}
      popupMatchSelectWidth={false}
    />
  );

  const columns = useMemo<TableProps<ServiceRoomDto>['columns']>(
    () => [
      {
        title: t('stations.rooms.name'),
        key: 'name',
        width: 200,
        fixed: 'left',
        render: (_: unknown, r: ServiceRoomDto) => (
          <Link to={serviceRoomPath(r.id)} aria-label={t('stations.rooms.detailFor', { name: r.name })}>
            {r.name}
          </Link>
        ),
      },
      { title: t('stations.rooms.node'), key: 'node', width: 170, render: (_: unknown, r: ServiceRoomDto) => r.nodePathNames.slice(-2).join(' ') },
      { title: t('stations.rooms.handedOverBy'), dataIndex: 'handedOverBy', width: 120, render: (v: ServiceRoomDto['handedOverBy']) => label(ROOM_SOURCE_LABELS, v) },
      { title: t('stations.rooms.handedOverOn'), dataIndex: 'handedOverOn', width: 110, render: (v: string | null) => v ?? '—' },
      { title: t('stations.rooms.area'), dataIndex: 'areaSqm', width: 110, align: 'right', render: (v: number) => area(v) },
      { title: t('stations.rooms.uses'), dataIndex: 'uses', width: 220, render: (v: ServiceRoomDto['uses']) => v.map((u) => label(ROOM_USE_LABELS, u)).join('、') },
      { title: t('stations.rooms.usesThisYear'), dataIndex: 'usesThisYear', width: 110, align: 'right' },
      {
        title: t('stations.rooms.status'),
        dataIndex: 'active',
        width: 80,
        render: (v: boolean) => <ToneTag tone={v ? 'green' : 'grey'}>{v ? t('stations.active') : t('stations.inactive')}</ToneTag>,
      },
    ],
    [t, label, area],
  );

  return (
    <>
      <PageHeader
        title={t('stations.rooms.title')}
        description={t('stations.rooms.description')}
        extra={
          <Space wrap>
            <ExportButton path="/api/service-rooms/export" filters={list.filters} fallbackName="service-rooms.xlsx" canUnmask={false} />
            {can('stations.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('common.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Space orientation="vertical" size={16} className="full-width">
        <StatCards
          testId="rooms"
          none={t('stations.stats.none')}
          items={[
            { key: 'rooms', title: t('stations.rooms.stats.rooms'), value: summary?.rooms ?? null, note: summary ? t('stations.rooms.stats.roomsNote', { active: summary.activeRooms }) : undefined, color: '#b71c1c' },
            { key: 'area', title: t('stations.rooms.stats.area'), value: summary ? area(summary.totalAreaSqm) : null, suffix: t('stations.rooms.stats.areaUnit'), color: '#0b5cad' },
            { key: 'uses', title: t('stations.rooms.stats.usesYear'), value: summary?.usesThisYear ?? null, color: '#2e7d32' },
            { key: 'participants', title: t('stations.rooms.stats.participantsYear'), value: summary?.participantsThisYear ?? null, color: '#ad6800' },
          ]}
        />
        {summary && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={<h2 className="card-title">{t('stations.rooms.stats.byUse')}</h2>}>
                <CountPieChart
                  data={summary.byUse.map((u) => ({ name: label(ROOM_USE_LABELS, u.use), value: u.count }))}
                  label={(s) => t('stations.rooms.stats.byUseLabel', { summary: s })}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={<h2 className="card-title">{t('stations.rooms.handedOverBy')}</h2>}>
                <CountPieChart
                  data={summary.bySource.map((u) => ({ name: label(ROOM_SOURCE_LABELS, u.source), value: u.count }))}
                  label={(s) => `${t('stations.rooms.handedOverBy')}：${s}`}
                />
              </Card>
            </Col>
          </Row>
        )}
        <Card>
          <div className="filter-bar" role="search" aria-label={t('stations.rooms.searchLabel')}>
            <FilterSearch label={t('stations.rooms.searchLabel')} placeholder={t('stations.rooms.search')} onSearch={(q) => list.setFilters({ q })} />
            <NodeTreeSelect
              className="filter-node"
              aria-label={t('stations.rooms.node')}
              placeholder={t('stations.rooms.node')}
              deep={false}
              value={nodeId}
              onChange={(v) => list.setFilters({ nodeId: v })}
            />
            {select('handedOverBy', t('stations.rooms.handedOverBy'), options(ROOM_SOURCES, ROOM_SOURCE_LABELS))}
            {select('use', t('stations.rooms.use'), options(ROOM_USES, ROOM_USE_LABELS))}
            {select('active', t('stations.rooms.status'), [
              { value: 'true', label: t('stations.active') },
              { value: 'false', label: t('stations.inactive') },
            ])}
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              {t('common.refresh')}
            </Button>
          </div>
          <div ref={tableBox}>
            <Table<ServiceRoomDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1150 }} pagination={list.pagination} />
          </div>
        </Card>
      </Space>
      <ServiceRoomFormModal
        open={creating}
        room={null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          void navigate(serviceRoomPath(saved.id));
        }}
      />
    </>
  );
}
