/** Registers or edits a public service room: node, who handed it over, when, area and uses. */
import { useMemo } from 'react';
import { InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROOM_SOURCE_LABELS, ROOM_SOURCES, ROOM_USE_LABELS, ROOM_USES, STATION_LIMITS } from '@xj/contracts/domain';
import type { ServiceRoomDto } from '@xj/contracts';
import { RegistryFormModal } from '../../registry/RegistryFormModal';
import type { FormSpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { STATION_NODE_KINDS } from './RedStationFormModal';

interface Props {
  open: boolean;
  room: ServiceRoomDto | null;
  onClose: () => void;
  onSaved: (saved: ServiceRoomDto) => void;
}

export function ServiceRoomFormModal({ open, room, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const spec = useMemo<FormSpec<ServiceRoomDto>>(
    () => ({
      fields: [
        { name: 'nodeId', label: t('stations.rooms.node'), kind: 'node', required: true, selectableKinds: STATION_NODE_KINDS, fallbackLabel: (r) => (r as ServiceRoomDto).nodeName },
        { name: 'name', label: t('stations.rooms.name'), kind: 'text', required: true, max: STATION_LIMITS.nameMax },
        { name: 'handedOverBy', label: t('stations.rooms.handedOverBy'), kind: 'select', required: true, options: options(ROOM_SOURCES, ROOM_SOURCE_LABELS) },
        { name: 'handoverNote', label: t('stations.rooms.handoverNote'), kind: 'text', max: STATION_LIMITS.handoverNoteMax },
        { name: 'handedOverOn', label: t('stations.rooms.handedOverOn'), kind: 'date' },
        {
          name: 'areaSqm',
          label: t('stations.rooms.area'),
          kind: 'custom',
          required: true,
          toApi: (v) => (typeof v === 'number' ? v : undefined),
          input: <InputNumber min={0.01} max={STATION_LIMITS.areaMaxSqm} precision={2} className="full-width" />,
        },
        {
          name: 'uses',
          label: t('stations.rooms.uses'),
          kind: 'custom',
          required: true,
          toApi: (v) => (Array.isArray(v) ? v : []),
          input: <Select mode="multiple" allowClear options={options(ROOM_USES, ROOM_USE_LABELS)} />,
        },
        { name: 'address', label: t('stations.rooms.address'), kind: 'text', max: STATION_LIMITS.addressMax },
      ],
      valuesOf: (r) => ({
        nodeId: r.nodeId,
        name: r.name,
        handedOverBy: r.handedOverBy,
        handoverNote: r.handoverNote,
        handedOverOn: r.handedOverOn,
        areaSqm: r.areaSqm,
        uses: r.uses,
        address: r.address,
      }),
    }),
    [t, options],
  );
  return (
    <RegistryFormModal<ServiceRoomDto>
      open={open}
      apiPath="/api/service-rooms"
      spec={spec}
      row={room}
      title={room ? t('stations.rooms.editTitle', { name: room.name }) : t('stations.rooms.createTitle')}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
