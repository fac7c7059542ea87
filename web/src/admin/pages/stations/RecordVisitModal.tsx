/** Records one day's visits at a station: the date (not in the future), visitors and which of the station's services were given. */
import { useEffect, useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { STATION_LIMITS, STATION_SERVICE_LABELS } from '@xj/contracts/domain';
import type { RedStationDto, StationVisitDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { useEnumLabels } from '../../registry/useEnumLabel';

interface Props {
  station: RedStationDto;
  open: boolean;
  onClose: () => void;
  onSaved: (visit: StationVisitDto) => void;
}

interface Values {
  visitedOn: Dayjs;
  visitors: number;
  services?: string[];
  note?: string;
}

export function RecordVisitModal({ station, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ visitedOn: dayjs() });
    setError(null);
  }, [open, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = { visitedOn: v.visitedOn.format('YYYY-MM-DD'), visitors: v.visitors, services: v.services ?? [], ...(v.note?.trim() ? { note: v.note.trim() } : {}) };
      onSaved(await api.post<StationVisitDto>(`/api/red-stations/${station.id}/visits`, body, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('stations.visits.recordTitle', { name: station.name })} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => void onOk().catch(() => undefined)} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon className="form-alert" title={t('stations.visits.oneADay')} />
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Form form={form} layout="vertical">
        <Form.Item name="visitedOn" label={t('stations.visits.visitedOn')} rules={[{ required: true }]}>
          <DatePicker className="full-width" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="visitors" label={t('stations.visits.visitors')} rules={[{ required: true }]}>
          <InputNumber min={1} max={STATION_LIMITS.visitorsMax} precision={0} className="full-width" />
        </Form.Item>
        <Form.Item name="services" label={t('stations.visits.services')} help={t('stations.visits.servicesHelp')}>
          <Checkbox.Group options={station.services.map((s) => ({ value: s, label: label(STATION_SERVICE_LABELS, s) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('stations.visits.note')}>
          <Input.TextArea maxLength={STATION_LIMITS.noteMax} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
