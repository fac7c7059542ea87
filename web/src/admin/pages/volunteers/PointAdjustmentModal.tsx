/** A manual adjustment (人工调整): points added or taken off with a reason; the balance may not go below zero. */
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { POINT_LIMITS } from '@xj/contracts/domain';
import type { PointCorrectionDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';

interface Props {
  open: boolean;
  personId: number;
  name: string;
  onClose: () => void;
  onDone: (c: PointCorrectionDto) => void;
}

export function PointAdjustmentModal({ open, personId, name, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  const { saving, error, submit } = useSubmit();

  const onOk = () =>
    void submit(async () => {
      const v = await form.validateFields();
      onDone(await api.post<PointCorrectionDto>(`/api/points/people/${personId}/adjustments`, { delta: v.delta, reason: v.reason.trim() }, { silent: true }));
    });

  return (
    <Modal
      open={open}
      title={t('volunteers.points.adjustTitle', { name })}
      okText={t('volunteers.points.adjust')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional" preserve={false}>
        <Form.Item
          name="delta"
          label={t('volunteers.points.delta')}
          extra={t('volunteers.points.deltaHelp')}
          rules={[
            { required: true, message: t('volunteers.points.deltaRequired') },
            { validator: async (_: unknown, v: number | null) => (v === 0 ? Promise.reject(new Error(t('volunteers.points.deltaZero'))) : undefined) },
          ]}
        >
          <InputNumber min={-POINT_LIMITS.adjustMax} max={POINT_LIMITS.adjustMax} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('reason.label')} rules={[{ required: true, whitespace: true, message: t('reason.required') }]}>
          <Input.TextArea rows={3} maxLength={POINT_LIMITS.reasonMax} showCount placeholder={t('reason.placeholder')} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
