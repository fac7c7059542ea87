/** Creates a budget line (year, node, kind, amount) or edits one's amount and note (funding.manage). */
import { useEffect } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BUDGET_KINDS, BUDGET_KIND_LABELS, FUNDING_LIMITS, fenOfYuan, yuanOf, type BudgetKind } from '@xj/contracts/domain';
import type { BudgetLineDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { fundingYears, thisYear } from './fundingYears';

interface Props {
  open: boolean;
  line: BudgetLineDto | null;
  onClose: () => void;
  onSaved: (l: BudgetLineDto) => void;
}
interface Values {
  year: number;
  nodeId?: number;
  kind?: BudgetKind;
  amount?: string;
  note?: string;
}

export function BudgetLineModal({ open, line, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(line ? { year: line.year, nodeId: line.nodeId, kind: line.kind, amount: yuanOf(line.budgetFen).replace(/,/g, ''), note: line.note ?? '' } : { year: thisYear() });
  }, [open, line, form, setError]);

  const ok = async () => {
    const v = await form.validateFields();
    await submit(async () => {
      const amountFen = fenOfYuan(v.amount ?? '')!;
      const saved = line
        ? await api.patch<BudgetLineDto>(`/api/funding/lines/${line.id}`, { amountFen, note: v.note ?? '' }, { silent: true })
        : await api.post<BudgetLineDto>('/api/funding/lines', { year: v.year, nodeId: v.nodeId, kind: v.kind, amountFen, ...(v.note ? { note: v.note } : {}) }, { silent: true });
      onSaved(saved);
    });
  };

  return (
    <Modal open={open} title={line ? t('funding.budgets.editTitle') : t('funding.budgets.createTitle')} onCancel={onClose} onOk={() => void ok()} okButtonProps={{ loading: saving }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('funding.budgets.fixedHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="year" label={t('funding.year')} htmlFor="budget-line-year" rules={[{ required: true }]}>
          <Select id="budget-line-year" disabled={!!line} options={fundingYears().map((y) => ({ value: y, label: t('funding.yearValue', { year: y }) }))} />
        </Form.Item>
        <Form.Item name="nodeId" label={t('funding.node')} htmlFor="budget-line-node" rules={[{ required: true, message: t('funding.budgets.nodeRequired') }]}>
          {line ? (
            <Input id="budget-line-node" disabled value={line.nodePathNames.join('') || line.nodeName} />
          ) : (
            <NodeTreeSelect id="budget-line-node" deep={false} selectableKinds={['county', 'subdistrict', 'community', 'compound']} />
          )}
        </Form.Item>
        <Form.Item name="kind" label={t('funding.kind')} htmlFor="budget-line-kind" rules={[{ required: true, message: t('funding.budgets.kindRequired') }]}>
          <Select id="budget-line-kind" disabled={!!line} options={options(BUDGET_KINDS, BUDGET_KIND_LABELS)} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('funding.amountYuan')}
          htmlFor="budget-line-amount"
          rules={[
            {
              required: true,
              validator: async (_, v: string | undefined) => {
                const fen = v === undefined || v === null ? null : fenOfYuan(v);
                if (fen === null || fen > FUNDING_LIMITS.budgetMaxFen) throw new Error(t('funding.amountRequired'));
              },
            },
          ]}
        >
          <InputNumber<string> id="budget-line-amount" stringMode min="0" step="100" precision={2} prefix="¥" className="full-width" />
        </Form.Item>
        <Form.Item name="note" label={t('funding.note')} htmlFor="budget-line-note">
          <Input id="budget-line-note" maxLength={FUNDING_LIMITS.noteMax} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
