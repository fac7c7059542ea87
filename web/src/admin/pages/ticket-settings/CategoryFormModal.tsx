/** Create or edit a ticket category; the server's refusals (a duplicate code or name, …) show inside the dialog. */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEADLINE_UNITS, TICKET_CATEGORY_LIMITS } from '@xj/contracts/domain';
import type { DeadlineUnit, TicketCategorySettingDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';

interface Values {
  code: string;
  name: string;
  deadlineAmount: number;
  deadlineUnit: DeadlineUnit;
  responseHours: number;
}

interface Props {
  open: boolean;
  /** null: a new category. */
  category: TicketCategorySettingDto | null;
  onClose: () => void;
  onSaved: (created: boolean) => void;
}

const DEFAULTS: Partial<Values> = { deadlineAmount: 3, deadlineUnit: 'working_days', responseHours: 24 };

export function CategoryFormModal({ open, category, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unit = Form.useWatch('deadlineUnit', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue(category ? { code: category.code, name: category.name, deadlineAmount: category.deadlineAmount, deadlineUnit: category.deadlineUnit, responseHours: category.responseHours } : { code: '', name: '', ...DEFAULTS });
  }, [open, category, form]);

  const onOk = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the fields show what is wrong
    }
    const body: Record<string, unknown> = category
      ? Object.fromEntries(
          (['name', 'deadlineAmount', 'deadlineUnit', 'responseHours'] as const)
            .map((k) => [k, k === 'name' ? v.name.trim() : v[k]] as const)
            .filter(([k, value]) => value !== category[k]),
        )
      : { code: v.code.trim(), name: v.name.trim(), deadlineAmount: v.deadlineAmount, deadlineUnit: v.deadlineUnit, responseHours: v.responseHours };
    if (category && Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      if (category) await api.patch(`/api/ticket-settings/categories/${category.id}`, body, { silent: true });
      else await api.post('/api/ticket-settings/categories', body, { silent: true });
      onSaved(!category);
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setSaving(false);
    }
  };

  const unitLabel = (u: DeadlineUnit) => (u === 'hours' ? t('ticketSettings.categories.unitHours') : t('ticketSettings.categories.unitWorkingDays'));

  return (
    <Modal
      open={open}
      title={category ? t('ticketSettings.categories.editTitle', { name: category.name }) : t('ticketSettings.categories.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark="optional" onValuesChange={() => setError(null)}>
        <Form.Item
          name="code"
          label={t('ticketSettings.categories.code')}
          extra={t('ticketSettings.categories.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('ticketSettings.categories.codeRequired') },
            { pattern: TICKET_CATEGORY_LIMITS.codePattern, message: t('ticketSettings.categories.codeInvalid') },
          ]}
        >
          <Input maxLength={TICKET_CATEGORY_LIMITS.codeMax} disabled={!!category} autoComplete="off" spellCheck={false} className="mono" placeholder="greening" />
        </Form.Item>
        <Form.Item name="name" label={t('ticketSettings.categories.name')} rules={[{ required: true, whitespace: true, message: t('ticketSettings.categories.nameRequired') }]}>
          <Input maxLength={TICKET_CATEGORY_LIMITS.nameMax} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('ticketSettings.categories.deadline')} required extra={t('ticketSettings.categories.deadlineHelp')}>
          <Space.Compact className="full-width">
            <Form.Item name="deadlineAmount" noStyle rules={[{ required: true, message: t('ticketSettings.categories.deadlineRequired') }]}>
              <InputNumber
                min={1}
                max={TICKET_CATEGORY_LIMITS.deadlineAmountMax}
                precision={0}
                className="full-width"
                aria-label={`${t('ticketSettings.categories.deadline')} (${unitLabel(unit ?? 'working_days')})`}
              />
            </Form.Item>
            <Form.Item name="deadlineUnit" noStyle>
              <Select
                style={{ width: 128, flex: 'none' }}
                aria-label={t('ticketSettings.categories.deadline')}
                options={DEADLINE_UNITS.map((u) => ({ value: u, label: unitLabel(u) }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="responseHours"
          label={t('ticketSettings.categories.responseHours')}
          extra={t('ticketSettings.categories.responseHoursHelp')}
          rules={[{ required: true, message: t('ticketSettings.categories.responseHoursRequired') }]}
        >
          <InputNumber min={1} max={TICKET_CATEGORY_LIMITS.responseHoursMax} precision={0} className="full-width" suffix={t('ticketSettings.categories.unitHours')} />
        </Form.Item>
      </Form>
      {category ? <Alert type="info" showIcon className="form-alert" title={t('ticketSettings.newTicketsOnly')} /> : null}
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
    </Modal>
  );
}
