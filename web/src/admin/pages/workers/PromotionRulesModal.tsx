/** Changes the promotion rules (workers.configure); the change is audited. */
import { useEffect } from 'react';
import { Alert, Checkbox, Form, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { WORKER_QUALIFICATIONS, WORKER_QUALIFICATION_LABELS } from '@xj/contracts/domain';
import type { PromotionRulesDto, PromotionRulesUpdate } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useEnumLabels } from '../../registry/useEnumLabel';

interface Props {
  rules: PromotionRulesDto | null;
  open: boolean;
  onClose: () => void;
  onSaved: (r: PromotionRulesDto) => void;
}

export function PromotionRulesModal({ rules, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [form] = Form.useForm<PromotionRulesUpdate>();
  const { saving, error, setError, submit } = useSubmit();
  useEffect(() => {
    if (open && rules) {
      setError(null);
      const { isDefault: _a, updatedAt: _b, updatedByName: _c, ...values } = rules;
      form.setFieldsValue(values);
    }
  }, [open, rules, form, setError]);

  const ok = async () => {
    const v = await form.validateFields();
    await submit(async () => onSaved(await api.post<PromotionRulesDto>('/api/worker-pay/promotion-rules', v, { silent: true })));
  };
  const int = (min: number, max: number) => <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />;

  return (
    <Modal open={open} title={t('workerPay.promotions.editRules')} onCancel={onClose} onOk={() => void ok()} okButtonProps={{ loading: saving }} forceRender>
      <Form form={form} layout="vertical">
        <Form.Item name="yearsAtGrade" label={t('workerPay.promotions.yearsLabel')} rules={[{ required: true }]}>
          {int(0, 10)}
        </Form.Item>
        <Form.Item name="roundsConsidered" label={t('workerPay.promotions.roundsLabel')} rules={[{ required: true }]}>
          {int(1, 5)}
        </Form.Item>
        <Form.Item name="minCompetentResults" label={t('workerPay.promotions.minLabel')} rules={[{ required: true }]}>
          {int(0, 5)}
        </Form.Item>
        <Form.Item name="allowBasicallyCompetent" valuePropName="checked">
          <Checkbox>{t('workerPay.promotions.allowBasicLabel')}</Checkbox>
        </Form.Item>
        <Form.Item name="qualifiedFromGrade" label={t('workerPay.promotions.fromGradeLabel')} rules={[{ required: true }]}>
          {int(2, 19)}
        </Form.Item>
        <Form.Item name="qualifications" label={t('workerPay.promotions.certsLabel')}>
          <Select mode="multiple" options={options(WORKER_QUALIFICATIONS, WORKER_QUALIFICATION_LABELS)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
