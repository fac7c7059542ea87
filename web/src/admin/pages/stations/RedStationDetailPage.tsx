/** A red station: details (keeper's phone masked), visitors per month, the visits and the edit, deactivate and record-visits actions. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Table, type DescriptionsProps, type TableProps } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { STATION_PLACE_KIND_LABELS, STATION_SERVICE_LABELS } from '@xj/contracts/domain';
import type { RedStationDetailDto, StationVisitDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { usePagedList, type Filters } from '../../../shared/usePagedList';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS } from '../../routes';
import { useSession } from '../../session';
import { RecordVisitModal } from './RecordVisitModal';
import { RedStationFormModal } from './RedStationFormModal';
import { MonthlyBarChart } from './StationCharts';

export default function RedStationDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const stationId = Number(id);
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [station, setStation] = useState<RedStationDetailDto | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const visits = usePagedList<StationVisitDto, Filters>(`/api/red-stations/${stationId}/visits`, {});

  const load = useCallback(() => {
    api
      .get<RedStationDetailDto>(`/api/red-stations/${stationId}`, { silent: true })
      .then(setStation)
      .catch((e: unknown) => setMissing(isApiError(e) ? e.message : t('errors.generic')));
  }, [stationId, t]);
  useEffect(load, [load]);

  const columns = useMemo<TableProps<StationVisitDto>['columns']>(
    () => [
      { title: t('stations.visits.visitedOn'), dataIndex: 'visitedOn', width: 120 },
      { title: t('stations.visits.visitors'), dataIndex: 'visitors', width: 100, align: 'right' },
      { title: t('stations.visits.services'), dataIndex: 'services', render: (v: StationVisitDto['services']) => v.map((s) => label(STATION_SERVICE_LABELS, s)).join('、') || '—' },
      { title: t('stations.visits.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
      { title: t('stations.visits.recordedBy'), dataIndex: 'recordedByName', width: 120, render: (v: string | null) => v ?? '—' },
    ],
    [t, label],
  );

  const back = (
    <Link to={PATHS.redStations}>
      <ArrowLeftOutlined /> {t('stations.backToList')}
    </Link>
  );
  if (missing) return <Alert type="error" showIcon title={missing} action={back} />;
  if (!station) return <Skeleton active />;

  const manage = can('stations.manage');
  const setActive = async (active: boolean) => {
    setStation(await api.patch<RedStationDetailDto>(`/api/red-stations/${station.id}`, { active }));
    void message.success(active ? t('stations.reactivated') : t('stations.deactivated'));
  };
  const items: DescriptionsProps['items'] = [
    { key: 'node', label: t('stations.node'), children: station.nodePathNames.join(' / ') },
    { key: 'placeKind', label: t('stations.placeKind'), children: label(STATION_PLACE_KIND_LABELS, station.placeKind) },
    { key: 'hours', label: t('stations.openingHours'), children: station.openingHours },
    { key: 'address', label: t('stations.address'), children: station.address },
    {
      key: 'services',
      label: t('stations.services'),
      span: 2,
      children: (
        <Space size={4} wrap>
          {station.services.map((s) => (
            <ToneTag key={s} tone="red">
              {label(STATION_SERVICE_LABELS, s)}
            </ToneTag>
          ))}
        </Space>
      ),
    },
    { key: 'keeper', label: t('stations.keeper'), children: station.keeper ? `${station.keeper.name}（${station.keeper.nodeName}）` : '—' },
    { key: 'phone', label: t('stations.keeperPhone'), children: <span className="mono">{station.keeper?.phone ?? '—'}</span> },
    { key: 'location', label: t('stations.location'), children: station.lat !== null ? `${station.lat}, ${station.lng}` : '—' },
    { key: 'status', label: t('stations.status'), children: <ToneTag tone={station.active ? 'green' : 'grey'}>{station.active ? t('stations.active') : t('stations.inactive')}</ToneTag> },
    { key: 'year', label: t('stations.visitorsThisYear'), children: station.visitorsThisYear },
  ];

  return (
    <>
      <PageHeader
        title={station.name}
        description={back}
        extra={
          manage && (
            <Space wrap>
              {station.active && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
                  {t('stations.visits.record')}
                </Button>
              )}
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              {station.active ? (
                <Popconfirm title={t('stations.confirmDeactivate')} onConfirm={() => setActive(false)} okText={t('stations.deactivate')} cancelText={t('common.cancel')}>
                  <Button danger icon={<StopOutlined />}>
                    {t('stations.deactivate')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button icon={<UndoOutlined />} onClick={() => void setActive(true).catch(() => undefined)}>
                  {t('stations.reactivate')}
                </Button>
              )}
            </Space>
          )
        }
      />
      <Space orientation="vertical" size={16} className="full-width">
        <Card>
          <Descriptions items={items} column={{ xs: 1, md: 2 }} size="small" />
        </Card>
        <Card size="small" title={<h2 className="card-title">{t('stations.stats.monthly')}</h2>}>
          <MonthlyBarChart
            name={t('stations.visits.visitors')}
            data={station.monthly.map((m) => ({ month: m.month, value: m.visitors }))}
            label={(s) => t('stations.stats.monthlyLabel', { summary: s })}
          />
        </Card>
        <Card size="small" title={<h2 className="card-title">{t('stations.visits.title')}</h2>}>
          <Table<StationVisitDto>
            rowKey="id"
            columns={columns}
            dataSource={visits.rows}
            loading={visits.loading}
            pagination={visits.pagination}
            locale={{ emptyText: t('stations.visits.empty') }}
            scroll={{ x: 700 }}
          />
        </Card>
      </Space>
      <RedStationFormModal
        open={editing}
        station={station}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          load();
        }}
      />
      <RecordVisitModal
        station={station}
        open={recording}
        onClose={() => setRecording(false)}
        onSaved={() => {
          setRecording(false);
          void message.success(t('stations.visits.recorded'));
          load();
          visits.reload();
        }}
      />
    </>
  );
}
