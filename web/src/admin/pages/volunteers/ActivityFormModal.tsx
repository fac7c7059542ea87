/** Publishing a volunteer activity, or changing one before it starts (the organiser stays fixed). */
import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ACTIVITY_AUDIENCE_LABELS,
  ACTIVITY_AUDIENCES,
  ACTIVITY_LIMITS,
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  POINTS_MODE_LABELS,
  POINTS_MODES,
} from '@xj/contracts/domain';
import type { ActivityAudience, ActivityDetailDto, ActivityType, PointsMode } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { useEnumLabels } from '../../registry/useEnumLabel';

interface Values {
  nodeId: number;
  title: string;
  type: ActivityType;
  description?: string;
  place: string;
  time: [Dayjs, Dayjs];
  capacity: number;
  pointsMode: PointsMode;
  points: number;
  audience: ActivityAudience;
}

interface Props {
  open: boolean;
  /** The activity being changed; null to publish a new one. */
  activity: ActivityDetailDto | null;
  onClose: () => void;
  onSaved: (a: ActivityDetailDto) => void;
}

export function ActivityFormModal({ open, activity, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (activity) {
      form.setFieldsValue({
        nodeId: activity.nodeId,
        title: activity.title,
        type: activity.type,
        description: activity.description ?? undefined,
        place: activity.place,
        time: [dayjs(activity.startsAt), dayjs(activity.endsAt)],
        capacity: activity.capacity,
        pointsMode: activity.pointsMode,
        points: activity.points,
        audience: activity.audience,
      });
    }
  }, [open, activity, form, setError]);

  const onOk = () =>
    void submit(async () => {
      const v = await form.validateFields();
      const fields = {
        title: v.title.trim(),
        type: v.type,
        description: v.description?.trim() ? v.description.trim() : null,
        place: v.place.trim(),
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        capacity: v.capacity,
        pointsMode: v.pointsMode,
        points: v.points,
        audience: v.audience,
      };
      const saved = activity
        ? await api.patch<ActivityDetailDto>(`/api/volunteers/activities/${activity.id}`, fields, { silent: true })
        : await api.post<ActivityDetailDto>('/api/volunteers/activities', { nodeId: v.nodeId, ...fields, description: fields.description ?? undefined }, { silent: true });
      onSaved(saved);
    });

  return (
    <Modal
      open={open}
      title={activity ? t('volunteers.act.editTitle') : t('volunteers.act.createTitle')}
      okText={activity ? t('common.save') : t('volunteers.act.publish')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ type: 'environment', capacity: 20, pointsMode: 'per_hour', points: 10, audience: 'all' }}
      >
        {!activity && (
          <Form.Item name="nodeId" label={t('volunteers.act.organiser')} rules={[{ required: true, message: t('volunteers.act.organiserRequired') }]}>
            <NodeTreeSelect deep={false} selectableKinds={['community', 'compound']} placeholder={t('volunteers.act.organiserPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('volunteers.act.titleField')} rules={[{ required: true, whitespace: true, message: t('volunteers.act.titleRequired') }]}>
          <Input maxLength={ACTIVITY_LIMITS.titleMax} showCount />
        </Form.Item>
        <Form.Item name="type" label={t('volunteers.act.type')} rules={[{ required: true }]}>
          <Select options={options(ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS)} />
        </Form.Item>
        <Form.Item name="time" label={t('volunteers.act.time')} rules={[{ required: true, message: t('volunteers.act.timeRequired') }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            placeholder={[t('volunteers.act.startsAt'), t('volunteers.act.endsAt')]}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="place" label={t('volunteers.act.place')} rules={[{ required: true, whitespace: true, message: t('volunteers.act.placeRequired') }]}>
          <Input maxLength={ACTIVITY_LIMITS.placeMax} />
        </Form.Item>
        <Form.Item name="capacity" label={t('volunteers.act.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={ACTIVITY_LIMITS.capacityMax} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="pointsMode" label={t('volunteers.act.pointsMode')} rules={[{ required: true }]}>
          <Select options={options(POINTS_MODES, POINTS_MODE_LABELS)} />
        </Form.Item>
        <Form.Item name="points" label={t('volunteers.act.points')} rules={[{ required: true }]}>
          <InputNumber min={0} max={ACTIVITY_LIMITS.pointsMax} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="audience" label={t('volunteers.act.audience')} rules={[{ required: true }]}>
          <Select options={options(ACTIVITY_AUDIENCES, ACTIVITY_AUDIENCE_LABELS)} />
        </Form.Item>
        <Form.Item name="description" label={t('volunteers.act.descriptionField')}>
          <Input.TextArea rows={3} maxLength={ACTIVITY_LIMITS.descriptionMax} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
