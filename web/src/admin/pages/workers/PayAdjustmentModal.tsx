/** A manual adjustment of one worker's line on a draft pay sheet, with its reason. */
import { useEffect } from 'react';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PayLineDto, PaySheetDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';

interface Props {
  sheetId: number;
  line: PayLineDto | null;
  onClose: () => void;
  onDone: (s: PaySheetDto) => void;
}

export function PayAdjustmentModal({ sheetId, line, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ amount: number; reason: string }>();
  const { saving, error, setError, submit } = useSubmit();
  useEffect(() => {
    if (line) {
      setError(null);
      form.setFieldsValue({ amount: line.adjustment, reason: line.adjustmentReason ?? '' });
    }
  }, [line, form, setError]);

  const ok = async () => {
    const v = await form.validateFields();
    await submit(async () => {
      onDone(await api.post<PaySheetDto>(`/api/worker-pay/sheets/${sheetId}/adjustments`, { workerId: line!.worker.id, amount: v.amount, reason: v.reason }, { silent: true }));
    });
  };

  return (
    <Modal open={!!line} title={line ? t('workerPay.sheet.adjustTitle', { name: line.worker.name }) : ''} onCancel={onClose} onOk={() => void ok()} okButtonProps={{ loading: saving }} forceRender>
      <Form form={form} layout="vertical">
        <Form.Item name="amount" label={t('workerPay.sheet.adjustAmount')} rules={[{ required: true }]}>
          <InputNumber precision={0} min={-100000} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('workerPay.sheet.adjustReason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} placeholder={t('workerPay.sheet.adjustReasonPlaceholder')} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
