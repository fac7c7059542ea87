/** Create or edit one agenda category (七议五不议): name, kind, description, examples (one a line), order. */
import { useEffect } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, AGENDA_LIMITS } from '@xj/contracts/domain';
import type { AgendaCategoryDto, AgendaKind } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useConsultLabels } from './consultationLabels';

interface Values {
  code?: string;
  name: string;
  kind: AgendaKind;
  description?: string;
  examples?: string;
  sort?: number;
}

interface Props {
  open: boolean;
  /** null: a new category. */
  category: AgendaCategoryDto | null;
  onClose: () => void;
  onSaved: () => void;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function AgendaCategoryModal({ open, category, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const labels = useConsultLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    if (category) {
      form.setFieldsValue({ name: category.name, kind: category.kind, description: category.description ?? '', examples: category.examples.join('\n'), sort: category.sort });
    }
  }, [open, category, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    await submit(async () => {
      const common = { name: v.name.trim(), kind: v.kind, examples: lines(v.examples), sort: v.sort ?? 100 };
      if (category) {
        await api.patch(`/api/consultations/agenda-categories/${category.id}`, { ...common, description: v.description?.trim() || null }, { silent: true });
      } else {
        await api.post('/api/consultations/agenda-categories', { ...common, code: v.code!.trim(), description: v.description?.trim() || undefined }, { silent: true });
      }
      onSaved();
    });
  };

  return (
    <Modal
      open={open}
      title={category ? t('consult.agenda.editFor', { name: category.name }) : t('consult.agenda.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ kind: 'allowed', sort: 100 }}>
        {!category && (
          <Form.Item
            name="code"
            label={t('consult.agenda.code')}
            extra={t('consult.agenda.codeHelp')}
            rules={[
              { required: true, message: t('consult.agenda.codeRequired') },
              { pattern: AGENDA_LIMITS.codePattern, message: t('consult.agenda.codeInvalid') },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('consult.agenda.name')} rules={[{ required: true, whitespace: true, message: t('consult.agenda.nameRequired') }]}>
          <Input maxLength={AGENDA_LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="kind" label={t('consult.agenda.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={AGENDA_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('consult.agenda.categoryDescription')}>
          <Input.TextArea rows={3} maxLength={AGENDA_LIMITS.descriptionMax} showCount />
        </Form.Item>
        <Form.Item name="examples" label={t('consult.agenda.examplesLabel')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="sort" label={t('consult.agenda.sort')}>
          <InputNumber min={0} max={AGENDA_LIMITS.sortMax} precision={0} className="full-width" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
