/**
 * Requests a disbursement from a budget line (funding.manage): stipends and allowances go to a
 * current holder in the line's area (picked from the line's payees), other kinds to a registered
 * person (the registry's person picker) or a named payee.
 */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FUNDING_LIMITS, PERSON_PAYEE_KINDS, fenOfYuan } from '@xj/contracts/domain';
import type { DisbursementDto, FundingPayeeDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { PersonSelect } from '../../registry/PersonSelect';
import { fundingYears, monthsOf, thisYear } from './fundingYears';
import { useBudgetLines } from './useBudgetLines';

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (d: DisbursementDto) => void;
}
interface Values {
  budgetLineId?: number;
  month?: string;
  mode: 'person' | 'name';
  personId?: number;
  payeeName?: string;
  amount?: string;
  purpose?: string;
}

/** A positive amount in yuan with at most two decimals. */
export function amountRule(messages: { required: string; positive: string }) {
  return {
    required: true,
    validator: async (_: unknown, v: string | undefined) => {
      const fen = v === undefined || v === null ? null : fenOfYuan(v);
      if (fen === null || fen > FUNDING_LIMITS.disbursementMaxFen) throw new Error(messages.required);
      if (fen === 0) throw new Error(messages.positive);
    },
  };
}

export function DisbursementRequestModal({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [year, setYear] = useState(thisYear());
  const { lines, optionOf } = useBudgetLines(year, open);
  const [payees, setPayees] = useState<FundingPayeeDto[]>([]);
  const { saving, error, setError, submit } = useSubmit();
  const lineId = Form.useWatch('budgetLineId', form);
  const mode = Form.useWatch('mode', form);
  const line = lines.find((l) => l.id === lineId);
  const personKind = !!line && PERSON_PAYEE_KINDS.includes(line.kind);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form, setError]);
  useEffect(() => {
    setPayees([]);
    if (!line || !PERSON_PAYEE_KINDS.includes(line.kind)) return;
    api.get<{ data: FundingPayeeDto[] }>(`/api/funding/lines/${line.id}/payees`).then((r) => setPayees(r.data)).catch(() => undefined);
  }, [line]);

  const ok = async () => {
    const v = await form.validateFields();
    await submit(async () => {
      const byPerson = personKind || v.mode === 'person';
      const body = {
        budgetLineId: v.budgetLineId,
        month: v.month,
        ...(byPerson ? { personId: v.personId } : { payeeName: v.payeeName }),
        amountFen: fenOfYuan(v.amount ?? ''),
        purpose: v.purpose,
      };
      onDone(await api.post<DisbursementDto>('/api/funding/disbursements', body, { silent: true }));
    });
  };

  return (
    <Modal open={open} title={t('funding.disbursements.requestTitle')} onCancel={onClose} onOk={() => void ok()} okButtonProps={{ loading: saving }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ mode: 'person' }}>
        <Form.Item label={t('funding.year')} htmlFor="disbursement-year">
          <Select
            id="disbursement-year"
            value={year}
            onChange={(y) => {
              setYear(y);
              form.setFieldsValue({ budgetLineId: undefined, month: undefined });
            }}
            options={fundingYears().map((y) => ({ value: y, label: t('funding.yearValue', { year: y }) }))}
          />
        </Form.Item>
        <Form.Item name="budgetLineId" label={t('funding.disbursements.line')} htmlFor="disbursement-line" rules={[{ required: true, message: t('funding.disbursements.lineRequired') }]}>
          <Select id="disbursement-line" showSearch={{ optionFilterProp: 'label' }} placeholder={t('funding.disbursements.linePlaceholder')} options={lines.map(optionOf)} />
        </Form.Item>
        <Form.Item name="month" label={t('funding.month')} htmlFor="disbursement-month" rules={[{ required: true }]}>
          <Select id="disbursement-month" options={monthsOf(year).map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        {personKind ? (
          <Form.Item name="personId" label={t('funding.disbursements.person')} htmlFor="disbursement-person" extra={t('funding.disbursements.personHint')} rules={[{ required: true, message: t('funding.disbursements.personRequired') }]}>
            <Select id="disbursement-person" showSearch={{ optionFilterProp: 'label' }} options={payees.map((p) => ({ value: p.personId, label: `${p.name} · ${p.nodeName}` }))} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="mode" label={t('funding.disbursements.payeeMode')}>
              <Radio.Group
                options={[
                  { value: 'person', label: t('funding.disbursements.payeeModePerson') },
                  { value: 'name', label: t('funding.disbursements.payeeModeName') },
                ]}
              />
            </Form.Item>
            {mode === 'name' ? (
              <Form.Item name="payeeName" label={t('funding.disbursements.payeeName')} htmlFor="disbursement-payee" rules={[{ required: true, whitespace: true, message: t('funding.disbursements.payeeNameRequired') }]}>
                <Input id="disbursement-payee" maxLength={FUNDING_LIMITS.payeeMax} />
              </Form.Item>
            ) : (
              <Form.Item name="personId" label={t('funding.disbursements.person')} htmlFor="disbursement-person-any" rules={[{ required: true, message: t('funding.disbursements.personRequired') }]}>
                <PersonSelect id="disbursement-person-any" />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="amount" label={t('funding.amountYuan')} htmlFor="disbursement-amount" rules={[amountRule({ required: t('funding.amountRequired'), positive: t('funding.amountPositive') })]}>
          <InputNumber<string> id="disbursement-amount" stringMode min="0" step="10" precision={2} prefix="¥" className="full-width" />
        </Form.Item>
        <Form.Item name="purpose" label={t('funding.purpose')} htmlFor="disbursement-purpose" rules={[{ required: true, whitespace: true, message: t('funding.purposeRequired') }]}>
          <Input id="disbursement-purpose" maxLength={FUNDING_LIMITS.purposeMax} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
