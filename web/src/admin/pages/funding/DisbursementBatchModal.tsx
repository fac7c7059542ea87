/** Requests a month's stipend or allowance for every current holder of a line's area at one standard amount (funding.manage). */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FUNDING_LIMITS, PERSON_PAYEE_KINDS, fenOfYuan } from '@xj/contracts/domain';
import type { DisbursementBatchResult } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { amountRule } from './DisbursementRequestModal';
import { fundingYears, monthsOf, thisYear } from './fundingYears';
import { useBudgetLines } from './useBudgetLines';

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (r: DisbursementBatchResult) => void;
}
interface Values {
  budgetLineId?: number;
  month?: string;
  amount?: string;
  purpose?: string;
}

export function DisbursementBatchModal({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [year, setYear] = useState(thisYear());
  const { lines, optionOf } = useBudgetLines(year, open);
  const { saving, error, setError, submit } = useSubmit();
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form, setError]);

  const ok = async () => {
    const v = await form.validateFields();
    await submit(async () => {
      onDone(await api.post<DisbursementBatchResult>('/api/funding/disbursements/batch', { budgetLineId: v.budgetLineId, month: v.month, amountFen: fenOfYuan(v.amount ?? ''), purpose: v.purpose }, { silent: true }));
    });
  };

  return (
    <Modal open={open} title={t('funding.disbursements.batchTitle')} onCancel={onClose} onOk={() => void ok()} okButtonProps={{ loading: saving }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('funding.disbursements.batchHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label={t('funding.year')} htmlFor="batch-year">
          <Select
            id="batch-year"
            value={year}
            onChange={(y) => {
              setYear(y);
              form.setFieldsValue({ budgetLineId: undefined, month: undefined });
            }}
            options={fundingYears().map((y) => ({ value: y, label: t('funding.yearValue', { year: y }) }))}
          />
        </Form.Item>
        <Form.Item name="budgetLineId" label={t('funding.disbursements.line')} htmlFor="batch-line" rules={[{ required: true, message: t('funding.disbursements.lineRequired') }]}>
          <Select id="batch-line" showSearch={{ optionFilterProp: 'label' }} placeholder={t('funding.disbursements.linePlaceholder')} options={lines.filter((l) => PERSON_PAYEE_KINDS.includes(l.kind)).map(optionOf)} />
        </Form.Item>
        <Form.Item name="month" label={t('funding.month')} htmlFor="batch-month" rules={[{ required: true }]}>
          <Select id="batch-month" options={monthsOf(year).map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('funding.amountYuan')} htmlFor="batch-amount" rules={[amountRule({ required: t('funding.amountRequired'), positive: t('funding.amountPositive') })]}>
          <InputNumber<string> id="batch-amount" stringMode min="0" step="10" precision={2} prefix="¥" className="full-width" />
        </Form.Item>
        <Form.Item name="purpose" label={t('funding.purpose')} htmlFor="batch-purpose" rules={[{ required: true, whitespace: true, message: t('funding.purposeRequired') }]}>
          <Input id="batch-purpose" maxLength={FUNDING_LIMITS.purposeMax} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
