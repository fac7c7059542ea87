/**
 * Create (POST apiPath) or edit (PATCH apiPath/:id, changed fields only; an emptied optional
 * field is sent as null) a registry record, from the page's field list.
 */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../shared/api';
import { NodeTreeSelect } from '../components/NodeTreeSelect';
import { PersonSelect } from './PersonSelect';
import { RemoteSelect } from './RemoteSelect';
import type { FieldSpec, FormSpec } from './types';

interface Props<T extends { id: number }> {
  open: boolean;
  apiPath: string;
  spec: FormSpec<T>;
  row: T | null;
  title: string;
  onClose: () => void;
  onSaved: (saved: T) => void;
}

type Raw = Record<string, unknown>;

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Form value → API value (dates as YYYY-MM-DD, trimmed text). */
function toApi(f: FieldSpec, v: unknown): unknown {
  if (isEmpty(v)) return f.kind === 'switch' ? false : f.kind === 'tags' ? [] : undefined;
  if (f.kind === 'date') return dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v;
  if (typeof v === 'string') return v.trim();
  return v;
}

export function RegistryFormModal<T extends { id: number }>({ open, apiPath, spec, row, title, onClose, onSaved }: Props<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Raw>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = spec.fields.filter((f) => !(row && f.createOnly));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    if (row) {
      const values = spec.valuesOf(row);
      const formValues: Raw = {};
      for (const f of spec.fields) {
        const v = values[f.name];
        formValues[f.name] = f.kind === 'date' && typeof v === 'string' ? dayjs(v) : (v ?? undefined);
      }
      form.setFieldsValue(formValues);
    }
  }, [open, row, spec, form]);

  const onOk = async () => {
    const raw = await form.validateFields();
    const body: Raw = {};
    const before = row ? spec.valuesOf(row) : {};
    for (const f of fields) {
      const v = toApi(f, raw[f.name]);
      if (!row) {
        if (v !== undefined) body[f.name] = v;
      } else if (JSON.stringify(v ?? null) !== JSON.stringify(before[f.name] ?? null)) {
        body[f.name] = v ?? null;
      }
    }
    if (row && Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(row ? await api.patch<T>(`${apiPath}/${row.id}`, body, { silent: true }) : await api.post<T>(apiPath, body, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setSaving(false);
    }
  };

  const input = (f: FieldSpec) => {
    switch (f.kind) {
      case 'text':
        return <Input maxLength={f.max ?? 100} autoComplete="off" />;
      case 'date':
        return <DatePicker className="full-width" />;
      case 'switch':
        return <Switch />;
      case 'tags':
        return <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />;
      case 'select':
        return <Select options={f.options} allowClear={!f.required} />;
      case 'person':
        return <PersonSelect fallbackLabel={row ? f.fallbackLabel?.(row) : undefined} />;
      case 'remote':
        return <RemoteSelect source={f.source} fallbackLabel={row ? f.fallbackLabel?.(row) : undefined} />;
      case 'node':
        return <NodeTreeSelect selectableKinds={f.selectableKinds} fallbackLabel={row ? f.fallbackLabel?.(row) : undefined} />;
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            extra={f.help}
            valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
            rules={[
              ...(f.required ? [{ required: true, message: t('registry.required', { field: f.label }) }] : []),
              ...(f.kind === 'text' && f.validate
                ? [
                    {
                      validator: async (_: unknown, v: string | undefined) => {
                        const problem = v?.trim() ? f.validate!(v.trim().replace(/\s+/g, '').toUpperCase()) : null;
                        if (problem) throw new Error(problem);
                      },
                    },
                  ]
                : []),
            ]}
          >
            {input(f)}
          </Form.Item>
        ))}
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
