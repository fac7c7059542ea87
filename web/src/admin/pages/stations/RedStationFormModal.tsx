/** Creates or edits a red station: node, kind of place, services, hours, address, keeper (a registered person) and location. */
import { useMemo } from 'react';
import { InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATION_LIMITS, STATION_PLACE_KIND_LABELS, STATION_PLACE_KINDS, STATION_SERVICE_LABELS, STATION_SERVICES } from '@xj/contracts/domain';
import type { RedStationDto } from '@xj/contracts';
import { RegistryFormModal } from '../../registry/RegistryFormModal';
import type { FormSpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';

export const STATION_NODE_KINDS = ['subdistrict', 'community', 'compound'] as const;

interface Props {
  open: boolean;
  station: RedStationDto | null;
  onClose: () => void;
  onSaved: (saved: RedStationDto) => void;
}

const asList = (v: unknown) => (Array.isArray(v) ? v : []);
const asNumber = (v: unknown) => (typeof v === 'number' ? v : undefined);

export function RedStationFormModal({ open, station, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const spec = useMemo<FormSpec<RedStationDto>>(
    () => ({
      fields: [
        { name: 'nodeId', label: t('stations.node'), kind: 'node', required: true, selectableKinds: STATION_NODE_KINDS, fallbackLabel: (r) => (r as RedStationDto).nodeName },
        { name: 'name', label: t('stations.name'), kind: 'text', required: true, max: STATION_LIMITS.nameMax },
        { name: 'placeKind', label: t('stations.placeKind'), kind: 'select', required: true, options: options(STATION_PLACE_KINDS, STATION_PLACE_KIND_LABELS) },
        {
          name: 'services',
          label: t('stations.services'),
          kind: 'custom',
          required: true,
          toApi: asList,
          input: <Select mode="multiple" allowClear options={options(STATION_SERVICES, STATION_SERVICE_LABELS)} />,
        },
        { name: 'openingHours', label: t('stations.openingHours'), kind: 'text', required: true, max: STATION_LIMITS.hoursMax },
        { name: 'address', label: t('stations.address'), kind: 'text', required: true, max: STATION_LIMITS.addressMax },
        { name: 'keeperPersonId', label: t('stations.keeper'), kind: 'person', fallbackLabel: (r) => (r as RedStationDto).keeper?.name },
        { name: 'lat', label: t('stations.lat'), kind: 'custom', help: t('stations.locationHelp'), toApi: asNumber, input: <InputNumber min={-90} max={90} step={0.0001} className="full-width" /> },
        { name: 'lng', label: t('stations.lng'), kind: 'custom', toApi: asNumber, input: <InputNumber min={-180} max={180} step={0.0001} className="full-width" /> },
      ],
      valuesOf: (s) => ({
        nodeId: s.nodeId,
        name: s.name,
        placeKind: s.placeKind,
        services: s.services,
        openingHours: s.openingHours,
        address: s.address,
        keeperPersonId: s.keeper?.id,
        lat: s.lat,
        lng: s.lng,
      }),
    }),
    [t, options],
  );
  return (
    <RegistryFormModal<RedStationDto>
      open={open}
      apiPath="/api/red-stations"
      spec={spec}
      row={station}
      title={station ? t('stations.editTitle', { name: station.name }) : t('stations.createTitle')}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
