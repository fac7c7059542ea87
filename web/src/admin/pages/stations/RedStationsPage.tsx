/** 红色驿站: headline figures, stations by kind of place and visitors per month, the filtered list, export and the create dialog. */
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Col, Row, Select, Space, Table, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { STATION_PLACE_KIND_LABELS, STATION_PLACE_KINDS, STATION_SERVICE_LABELS, STATION_SERVICES } from '@xj/contracts/domain';
import type { RedStationDto, StationSummaryDto } from '@xj/contracts';
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
import { redStationPath } from '../../routes';
import { useSession } from '../../session';
import { RedStationFormModal } from './RedStationFormModal';
import { CountPieChart, MonthlyBarChart } from './StationCharts';

export default function RedStationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const { label, options } = useEnumLabels();
  const list = usePagedList<RedStationDto, Filters>('/api/red-stations', {});
  const [summary, setSummary] = useState<StationSummaryDto | null>(null);
  const [creating, setCreating] = useState(false);
  const tableBox = useTableScrollRegion(t('stations.title'), list.rows);
  const nodeId = list.filters.nodeId as number | undefined;

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<StationSummaryDto>('/api/red-stations/summary', { query: { nodeId }, signal: controller.signal })
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

  const columns = useMemo<TableProps<RedStationDto>['columns']>(
    () => [
      {
        title: t('stations.name'),
        key: 'name',
        width: 180,
        fixed: 'left',
        render: (_: unknown, s: RedStationDto) => (
          <Link to={redStationPath(s.id)} aria-label={t('stations.detailFor', { name: s.name })}>
            {s.name}
          </Link>
        ),
      },
      { title: t('stations.node'), key: 'node', width: 150, render: (_: unknown, s: RedStationDto) => s.nodePathNames.slice(-2).join(' ') },
      { title: t('stations.placeKind'), dataIndex: 'placeKind', width: 90, render: (v: RedStationDto['placeKind']) => label(STATION_PLACE_KIND_LABELS, v) },
      {
        title: t('stations.services'),
        dataIndex: 'services',
        width: 260,
        render: (v: RedStationDto['services']) => v.map((s) => label(STATION_SERVICE_LABELS, s)).join('、'),
      },
      { title: t('stations.openingHours'), dataIndex: 'openingHours', width: 130 },
      {
        title: t('stations.keeper'),
        key: 'keeper',
        width: 170,
        render: (_: unknown, s: RedStationDto) => (s.keeper ? <span>{s.keeper.name} <span className="mono">{s.keeper.phone ?? ''}</span></span> : '—'),
      },
      { title: t('stations.visitorsThisYear'), dataIndex: 'visitorsThisYear', width: 110, align: 'right' },
      {
        title: t('stations.status'),
        dataIndex: 'active',
        width: 80,
        render: (v: boolean) => <ToneTag tone={v ? 'green' : 'grey'}>{v ? t('stations.active') : t('stations.inactive')}</ToneTag>,
      },
    ],
    [t, label],
  );

  const none = t('stations.stats.none');
  return (
    <>
      <PageHeader
        title={t('stations.title')}
        description={t('stations.description')}
        extra={
          <Space wrap>
            <ExportButton path="/api/red-stations/export" filters={list.filters} fallbackName="red-stations.xlsx" canUnmask={can('people.unmask')} />
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
          testId="stations"
          none={none}
          items={[
            { key: 'stations', title: t('stations.stats.stations'), value: summary?.stations ?? null, note: summary ? t('stations.stats.stationsNote', { active: summary.activeStations }) : undefined, color: '#b71c1c' },
            { key: 'year', title: t('stations.stats.visitorsYear'), value: summary?.visitorsThisYear ?? null, color: '#0b5cad' },
            { key: 'month', title: t('stations.stats.visitorsMonth'), value: summary?.visitorsThisMonth ?? null, color: '#2e7d32' },
            { key: 'kinds', title: t('stations.stats.placeKinds'), value: summary?.byPlaceKind.length ?? null, note: t('stations.stats.placeKindsNote'), color: '#ad6800' },
          ]}
        />
        {summary && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card size="small" title={<h2 className="card-title">{t('stations.stats.byPlaceKind')}</h2>}>
                <CountPieChart
                  data={summary.byPlaceKind.map((k) => ({ name: label(STATION_PLACE_KIND_LABELS, k.placeKind), value: k.count }))}
                  label={(s) => t('stations.stats.byPlaceKindLabel', { summary: s })}
                />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={<h2 className="card-title">{t('stations.stats.monthly')}</h2>}>
                <MonthlyBarChart
                  name={t('stations.visits.visitors')}
                  data={summary.monthly.map((m) => ({ month: m.month, value: m.visitors }))}
                  label={(s) => t('stations.stats.monthlyLabel', { summary: s })}
                />
              </Card>
            </Col>
          </Row>
        )}
        <Card>
          <div className="filter-bar" role="search" aria-label={t('stations.searchLabel')}>
            <FilterSearch label={t('stations.searchLabel')} placeholder={t('stations.search')} onSearch={(q) => list.setFilters({ q })} />
            <NodeTreeSelect
              className="filter-node"
              aria-label={t('stations.node')}
              placeholder={t('stations.node')}
              deep={false}
              value={nodeId}
              onChange={(v) => list.setFilters({ nodeId: v })}
            />
            {select('placeKind', t('stations.placeKind'), options(STATION_PLACE_KINDS, STATION_PLACE_KIND_LABELS))}
            {select('service', t('stations.service'), options(STATION_SERVICES, STATION_SERVICE_LABELS))}
            {select('active', t('stations.status'), [
              { value: 'true', label: t('stations.active') },
              { value: 'false', label: t('stations.inactive') },
            ])}
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              {t('common.refresh')}
            </Button>
          </div>
          <div ref={tableBox}>
            <Table<RedStationDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1200 }} pagination={list.pagination} />
          </div>
        </Card>
      </Space>
      <RedStationFormModal
        open={creating}
        station={null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          void navigate(redStationPath(saved.id));
        }}
      />
    </>
  );
}
