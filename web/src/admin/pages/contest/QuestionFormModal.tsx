/** Adds a question to the bank: kind, difficulty, stem, an options editor and an answer picker that follows the kind. */
import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  OPTION_LETTERS,
  QUESTION_DIFFICULTIES,
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  TRUE_FALSE_OPTIONS,
  type QuestionDto,
  type QuestionKind,
} from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';

interface Values {
  kind: QuestionKind;
  difficulty: number;
  stem: string;
  options: string[];
  answer: number[];
}

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: (q: QuestionDto) => void;
}

/** One correct option as a radio group, held in the form as a one-element array like the API's answer. */
function OneAnswer({ value, onChange, options, id }: { value?: number[]; onChange?: (v: number[]) => void; options: { label: string; value: number }[]; id?: string }) {
  return <Radio.Group id={id} options={options} value={value?.[0]} onChange={(e) => onChange?.([e.target.value as number])} />;
}

export function QuestionFormModal({ open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'single';
  const options = (Form.useWatch('options', form) ?? []) as (string | undefined)[];
  const answerOptions = options.map((o, i) => ({ value: i, label: `${OPTION_LETTERS[i]}. ${o ?? ''}` }));
  const trueFalse = kind === 'truefalse';

  const onKind = (k: QuestionKind) => {
    const now = (form.getFieldValue('options') as string[] | undefined) ?? [];
    form.setFieldsValue({ options: k === 'truefalse' ? [...TRUE_FALSE_OPTIONS] : now.length >= 2 && now.join() !== TRUE_FALSE_OPTIONS.join() ? now : ['', '', '', ''], answer: [] });
  };

  const onOk = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = { kind: v.kind, difficulty: v.difficulty, stem: v.stem.trim(), options: v.options.map((o) => o.trim()), answer: [...v.answer].sort((a, b) => a - b) };
      onSaved(await api.post<QuestionDto>('/api/secretary-contests/questions', body, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('contest.bank.formTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      afterOpenChange={(o) => o && setError(null)}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ kind: 'single', difficulty: 1, options: ['', '', '', ''], answer: [] }}>
        <div className="form-row">
          <Form.Item name="kind" label={t('contest.bank.kind')} rules={[{ required: true }]} className="form-row-item">
            <Select onChange={onKind} options={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="difficulty" label={t('contest.bank.difficulty')} rules={[{ required: true }]} className="form-row-item">
            <Select options={QUESTION_DIFFICULTIES.map((d) => ({ value: d, label: t('contest.bank.level', { level: d }) }))} />
          </Form.Item>
        </div>
        <Form.Item name="stem" label={t('contest.bank.stem')} rules={[{ required: true, whitespace: true, message: t('contest.bank.stemRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.List name="options">
          {(fields, { add, remove }) => (
            <Form.Item label={t('contest.bank.options')} required>
              <Space orientation="vertical" className="full-width">
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" className="full-width">
                    <Form.Item name={f.name} noStyle rules={[{ required: true, whitespace: true, message: t('contest.bank.optionRequired') }]}>
                      <Input prefix={`${OPTION_LETTERS[i]}.`} maxLength={200} disabled={trueFalse} aria-label={t('contest.bank.optionLabel', { letter: OPTION_LETTERS[i] })} style={{ width: 440 }} />
                    </Form.Item>
                    {!trueFalse && fields.length > 2 && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('contest.bank.removeOption', { letter: OPTION_LETTERS[i] })}
                        onClick={() => {
                          remove(f.name);
                          form.setFieldValue('answer', []);
                        }}
                      />
                    )}
                  </Space>
                ))}
                {!trueFalse && fields.length < OPTION_LETTERS.length && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>{t('contest.bank.addOption')}</Button>
                )}
              </Space>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="answer"
          label={t('contest.bank.answer')}
          extra={kind === 'multiple' ? t('contest.bank.answerHelpMultiple') : t('contest.bank.answerHelpSingle')}
          rules={[{ validator: async (_, v: number[] | undefined) => { if (!v?.length || (kind === 'multiple' && v.length < 2)) throw new Error(t('contest.bank.answerRequired')); } }]}
        >
          {kind === 'multiple' ? <Checkbox.Group options={answerOptions} /> : <OneAnswer options={answerOptions} />}
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
