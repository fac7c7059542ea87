/** 登记培训课程 (workers.manage): title, organiser, dates, hours, online or offline, required or elective. */
import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { TrainingCourseCreate, TrainingCourseDetailDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';

interface Values {
  nodeId: number;
  title: string;
  organiser: string;
  dates: [Dayjs, Dayjs];
  hours: number;
  mode: 'online' | 'offline';
  required: boolean;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: (c: TrainingCourseDetailDto) => void;
}

export function TrainingCourseModal({ open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form, setError]);

  const onOk = () =>
    void submit(async () => {
      const v = await form.validateFields();
      const body: TrainingCourseCreate = {
        nodeId: v.nodeId,
        title: v.title.trim(),
        organiser: v.organiser.trim(),
        startsOn: v.dates[0].format('YYYY-MM-DD'),
        endsOn: v.dates[1].format('YYYY-MM-DD'),
        hours: v.hours,
        mode: v.mode,
        required: v.required,
      };
      onSaved(await api.post<TrainingCourseDetailDto>('/api/worker-development/courses', body, { silent: true }));
    });

  const required = { required: true, message: t('workerDev.common.required') };
  return (
    <Modal open={open} title={t('workerDev.training.create')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={onOk} onCancel={onClose} width={600} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" requiredMark="optional" initialValues={{ mode: 'offline', required: true }}>
        <Form.Item name="nodeId" label={t('workerDev.training.node')} extra={t('workerDev.training.nodeHint')} rules={[required]}>
          <NodeTreeSelect deep={false} selectableKinds={['county', 'subdistrict', 'community']} placeholder={t('workerDev.open.nodePlaceholder')} />
        </Form.Item>
        <Form.Item name="title" label={t('workerDev.training.courseTitle')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="organiser" label={t('workerDev.training.organiser')} rules={[required]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="dates" label={t('workerDev.training.dates')} rules={[required]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="hours" label={t('workerDev.training.hours')} rules={[required]}>
          <InputNumber min={0.5} max={200} precision={1} step={0.5} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="mode" label={t('workerDev.training.mode')}>
          <Radio.Group options={(['offline', 'online'] as const).map((m) => ({ value: m, label: t(`workerDev.training.modes.${m}`) }))} />
        </Form.Item>
        <Form.Item name="required" label={t('workerDev.training.category')}>
          <Radio.Group
            options={[
              { value: true, label: t('workerDev.training.required') },
              { value: false, label: t('workerDev.training.elective') },
            ]}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
