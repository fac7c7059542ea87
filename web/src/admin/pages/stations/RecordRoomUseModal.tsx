/** Records one use of a service room: the date (not in the future), one of the room's uses and how many took part. */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ROOM_USE_LABELS, STATION_LIMITS } from '@xj/contracts/domain';
import type { RoomUseRecordDto, ServiceRoomDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { useEnumLabels } from '../../registry/useEnumLabel';

interface Props {
  room: ServiceRoomDto;
  open: boolean;
  onClose: () => void;
  onSaved: (record: RoomUseRecordDto) => void;
}

interface Values {
  usedOn: Dayjs;
  use: string;
  participants: number;
  note?: string;
}

export function RecordRoomUseModal({ room, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ usedOn: dayjs(), use: room.uses[0] });
    setError(null);
  }, [open, form, room.uses]);

  const onOk = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = { usedOn: v.usedOn.format('YYYY-MM-DD'), use: v.use, participants: v.participants, ...(v.note?.trim() ? { note: v.note.trim() } : {}) };
      onSaved(await api.post<RoomUseRecordDto>(`/api/service-rooms/${room.id}/uses`, body, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('stations.rooms.records.recordTitle', { name: room.name })} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => void onOk().catch(() => undefined)} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Form form={form} layout="vertical">
        <Form.Item name="usedOn" label={t('stations.rooms.records.usedOn')} rules={[{ required: true }]}>
          <DatePicker className="full-width" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="use" label={t('stations.rooms.records.use')} help={t('stations.rooms.records.useHelp')} rules={[{ required: true }]}>
          <Select options={room.uses.map((u) => ({ value: u, label: label(ROOM_USE_LABELS, u) }))} />
        </Form.Item>
        <Form.Item name="participants" label={t('stations.rooms.records.participants')} rules={[{ required: true }]}>
          <InputNumber min={0} max={STATION_LIMITS.participantsMax} precision={0} className="full-width" />
        </Form.Item>
        <Form.Item name="note" label={t('stations.rooms.records.note')}>
          <Input.TextArea maxLength={STATION_LIMITS.noteMax} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
