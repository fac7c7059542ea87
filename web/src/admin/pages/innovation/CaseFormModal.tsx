/**
 * Creates or edits a case's draft: the unit node (in the caller's scope), name, title, problem,
 * method, results, figures (Form.List) and tags (Select mode="tags"). Once the draft exists its
 * files can be attached here too.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Divider, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { INNOVATION_LIMITS as L } from '@xj/contracts/domain';
import type { InnovationCaseDetailDto, InnovationCaseInput, NodeKind } from '@xj/contracts';
import { api, isApiError, request } from '../../../shared/api';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { CaseAttachments } from './CaseAttachments';

const UNIT_KINDS: readonly NodeKind[] = ['county', 'subdistrict', 'community', 'compound'];

interface Values {
  nodeId: number;
  unitName: string;
  title: string;
  problem: string;
  method: string;
  results: string;
  figures?: { label: string; value: number; unit?: string }[];
  tags?: string[];
}

interface Props {
  open: boolean;
  /** The case being edited; null for a new one. */
  editing: InnovationCaseDetailDto | null;
  onClose: () => void;
  onSaved: (d: InnovationCaseDetailDto) => void;
}

export function CaseFormModal({ open, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState<InnovationCaseDetailDto | null>(editing);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setCurrent(editing);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        nodeId: editing.nodeId,
        unitName: editing.unitName,
        title: editing.title,
        problem: editing.problem,
        method: editing.method,
        results: editing.results,
        figures: editing.figures,
        tags: editing.tags,
      });
    }
  }, [open, editing, form]);

  const required = (field: string) => ({ required: true, whitespace: true, message: t('innovation.form.required', { field }) });

  const onOk = async () => {
    const v = await form.validateFields();
    const body: InnovationCaseInput = {
      nodeId: v.nodeId,
      unitName: v.unitName.trim(),
      title: v.title.trim(),
      problem: v.problem.trim(),
      method: v.method.trim(),
      results: v.results.trim(),
      figures: (v.figures ?? []).map((f) => ({ label: f.label.trim(), value: f.value, unit: (f.unit ?? '').trim() })),
      tags: (v.tags ?? []).map((x) => x.trim()).filter(Boolean),
    };
    setSaving(true);
    setError(null);
    try {
      if (current) {
        const d = await request<InnovationCaseDetailDto>('PUT', `/api/innovation/${current.id}`, { body, silent: true });
        void message.success(t('innovation.form.saved'));
        onSaved(d);
        onClose();
      } else {
        const d = await api.post<InnovationCaseDetailDto>('/api/innovation', body, { silent: true });
        void message.success(t('innovation.form.created'));
        setCurrent(d);
        onSaved(d);
      }
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={current ? t('innovation.form.editTitle') : t('innovation.form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.close')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="nodeId" label={t('innovation.form.node')} rules={[{ required: true, message: t('innovation.form.required', { field: t('innovation.form.node') }) }]}>
          <NodeTreeSelect deep={false} selectableKinds={UNIT_KINDS} placeholder={t('innovation.form.nodePlaceholder')} />
        </Form.Item>
        <Form.Item name="unitName" label={t('innovation.form.unitName')} rules={[required(t('innovation.form.unitName'))]}>
          <Input maxLength={L.unitMax} placeholder={t('innovation.form.unitPlaceholder')} />
        </Form.Item>
        <Form.Item name="title" label={t('innovation.form.title')} rules={[required(t('innovation.form.title')), { min: L.titleMin }]}>
          <Input maxLength={L.titleMax} />
        </Form.Item>
        <Form.Item name="problem" label={t('innovation.form.problem')} rules={[required(t('innovation.form.problem'))]}>
          <Input.TextArea rows={3} maxLength={L.problemMax} showCount />
        </Form.Item>
        <Form.Item name="method" label={t('innovation.form.method')} rules={[required(t('innovation.form.method'))]}>
          <Input.TextArea rows={4} maxLength={L.methodMax} showCount />
        </Form.Item>
        <Form.Item name="results" label={t('innovation.form.results')} rules={[required(t('innovation.form.results'))]}>
          <Input.TextArea rows={3} maxLength={L.resultsMax} showCount />
        </Form.Item>
        <Typography.Text strong>{t('innovation.form.figures', { max: L.figuresMax })}</Typography.Text>
        <Form.List name="figures">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8, marginBottom: 16 }}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[field.name, 'label']} label={t('innovation.form.figureLabel')} rules={[required(t('innovation.form.figureLabel'))]}>
                    <Input maxLength={L.figureLabelMax} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} label={t('innovation.form.figureValue')} rules={[{ required: true, message: t('innovation.form.required', { field: t('innovation.form.figureValue') }) }]}>
                    <InputNumber style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} label={t('innovation.form.figureUnit')}>
                    <Input maxLength={L.figureUnitMax} style={{ width: 90 }} />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('innovation.form.removeFigure', { n: i + 1 })} />
                </Flex>
              ))}
              {fields.length < L.figuresMax && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', value: undefined, unit: '' })}>
                  {t('innovation.form.addFigure')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="tags"
          label={t('innovation.form.tags', { max: L.tagsMax, len: L.tagMax })}
          rules={[{ validator: (_, v: string[] | undefined) => ((v ?? []).every((x) => x.trim().length <= L.tagMax) ? Promise.resolve() : Promise.reject(new Error(t('innovation.form.tagTooLong', { len: L.tagMax })))) }]}
        >
          <Select mode="tags" maxCount={L.tagsMax} tokenSeparators={[',', '，', ' ']} placeholder={t('innovation.form.tagsPlaceholder')} open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Divider />
      <Typography.Text strong>{t('innovation.case.attachments')}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        {current ? (
          <CaseAttachments
            detail={current}
            onChanged={(d) => {
              setCurrent(d);
              onSaved(d);
            }}
          />
        ) : (
          <Typography.Text type="secondary">{t('innovation.form.attachmentsAfterSave')}</Typography.Text>
        )}
      </div>
    </Modal>
  );
}
