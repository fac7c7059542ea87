/** A public service room: details, uses per month, the use records and the edit, deactivate and record-use actions. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Table, type DescriptionsProps, type TableProps } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROOM_SOURCE_LABELS, ROOM_USE_LABELS } from '@xj/contracts/domain';
import type { RoomUseRecordDto, ServiceRoomDetailDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { usePagedList, type Filters } from '../../../shared/usePagedList';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS } from '../../routes';
import { useSession } from '../../session';
import { RecordRoomUseModal } from './RecordRoomUseModal';
import { ServiceRoomFormModal } from './ServiceRoomFormModal';
import { MonthlyBarChart } from './StationCharts';

export default function ServiceRoomDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const roomId = Number(id);
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [room, setRoom] = useState<ServiceRoomDetailDto | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const records = usePagedList<RoomUseRecordDto, Filters>(`/api/service-rooms/${roomId}/uses`, {});

  const load = useCallback(() => {
    api
      .get<ServiceRoomDetailDto>(`/api/service-rooms/${roomId}`, { silent: true })
      .then(setRoom)
      .catch((e: unknown) => setMissing(isApiError(e) ? e.message : t('errors.generic')));
  }, [roomId, t]);
  useEffect(load, [load]);

  const columns = useMemo<TableProps<RoomUseRecordDto>['columns']>(
    () => [
      { title: t('stations.rooms.records.usedOn'), dataIndex: 'usedOn', width: 120 },
      { title: t('stations.rooms.records.use'), dataIndex: 'use', width: 120, render: (v: RoomUseRecordDto['use']) => label(ROOM_USE_LABELS, v) },
      { title: t('stations.rooms.records.participants'), dataIndex: 'participants', width: 100, align: 'right' },
      { title: t('stations.rooms.records.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
      { title: t('stations.rooms.records.recordedBy'), dataIndex: 'recordedByName', width: 120, render: (v: string | null) => v ?? '—' },
    ],
    [t, label],
  );

  const back = (
    <Link to={PATHS.serviceRooms}>
      <ArrowLeftOutlined /> {t('stations.rooms.backToList')}
    </Link>
  );
  if (missing) return <Alert type="error" showIcon title={missing} action={back} />;
  if (!room) return <Skeleton active />;

  const manage = can('stations.manage');
  const setActive = async (active: boolean) => {
    setRoom(await api.patch<ServiceRoomDetailDto>(`/api/service-rooms/${room.id}`, { active }));
    void message.success(active ? t('stations.reactivated') : t('stations.deactivated'));
  };
  const items: DescriptionsProps['items'] = [
    { key: 'node', label: t('stations.rooms.node'), children: room.nodePathNames.join(' / ') },
    { key: 'source', label: t('stations.rooms.handedOverBy'), children: label(ROOM_SOURCE_LABELS, room.handedOverBy) },
    { key: 'note', label: t('stations.rooms.handoverNote'), children: room.handoverNote ?? '—' },
    { key: 'on', label: t('stations.rooms.handedOverOn'), children: room.handedOverOn ?? '—' },
    { key: 'area', label: t('stations.rooms.area'), children: room.areaSqm },
    { key: 'address', label: t('stations.rooms.address'), children: room.address ?? '—' },
    {
      key: 'uses',
      label: t('stations.rooms.uses'),
      children: (
        <Space size={4} wrap>
          {room.uses.map((u) => (
            <ToneTag key={u} tone="blue">
              {label(ROOM_USE_LABELS, u)}
            </ToneTag>
          ))}
        </Space>
      ),
    },
    { key: 'status', label: t('stations.rooms.status'), children: <ToneTag tone={room.active ? 'green' : 'grey'}>{room.active ? t('stations.active') : t('stations.inactive')}</ToneTag> },
    { key: 'year', label: t('stations.rooms.usesThisYear'), children: room.usesThisYear },
  ];

  return (
    <>
      <PageHeader
        title={room.name}
        description={back}
        extra={
          manage && (
            <Space wrap>
              {room.active && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
                  {t('stations.rooms.records.record')}
                </Button>
              )}
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              {room.active ? (
                <Popconfirm title={t('stations.deactivate')} onConfirm={() => setActive(false)} okText={t('stations.deactivate')} cancelText={t('common.cancel')}>
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
        <Card size="small" title={<h2 className="card-title">{t('stations.rooms.stats.monthly')}</h2>}>
          <MonthlyBarChart
            name={t('stations.rooms.stats.usesYear')}
            colour="#0b5cad"
            data={room.monthly.map((m) => ({ month: m.month, value: m.uses }))}
            label={(s) => t('stations.rooms.stats.monthlyLabel', { summary: s })}
          />
        </Card>
        <Card size="small" title={<h2 className="card-title">{t('stations.rooms.records.title')}</h2>}>
          <Table<RoomUseRecordDto>
            rowKey="id"
            columns={columns}
            dataSource={records.rows}
            loading={records.loading}
            pagination={records.pagination}
            locale={{ emptyText: t('stations.rooms.records.empty') }}
            scroll={{ x: 700 }}
          />
        </Card>
      </Space>
      <ServiceRoomFormModal
        open={editing}
        room={room}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          load();
        }}
      />
      <RecordRoomUseModal
        room={room}
        open={recording}
        onClose={() => setRecording(false)}
        onSaved={() => {
          setRecording(false);
          void message.success(t('stations.rooms.records.recorded'));
          load();
          records.reload();
        }}
      />
    </>
  );
}
