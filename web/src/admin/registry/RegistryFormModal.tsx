/**
 * Create (POST apiPath) or edit (PATCH apiPath/:id, changed fields only; an emptied optional
 * field is sent as null) a registry record, from the page's field list.
 */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select, Skeleton, Switch } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../shared/api';
import { NodeTreeSelect } from '../components/NodeTreeSelect';
import { PersonSelect } from './PersonSelect';
import { RemoteSelect } from './RemoteSelect';
import { StairwellSelect } from './StairwellSelect';
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
  if (f.kind === 'custom') return f.toApi ? f.toApi(v) : v;
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
  const [detail, setDetail] = useState<T | null>(null);
  const fields = spec.fields.filter((f) => !(row && f.createOnly));
  // The record the form edits: the list row, or its full detail when the spec asks for it.
  const current = row && spec.loadDetail ? detail : row;

  useEffect(() => {
    setDetail(null);
    if (!open || !row || !spec.loadDetail) return;
    const controller = new AbortController();
    api
      .get<T>(`${apiPath}/${row.id}`, { signal: controller.signal, silent: true })
      .then(setDetail)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(isApiError(e) ? e.message : t('errors.generic'));
      });
    return () => controller.abort();
  }, [open, row, spec.loadDetail, apiPath, t]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    if (current) {
      const values = spec.valuesOf(current);
      const formValues: Raw = {};
      for (const f of spec.fields) {
        const v = values[f.name];
        formValues[f.name] = f.kind === 'date' && typeof v === 'string' ? dayjs(v) : (v ?? undefined);
      }
      form.setFieldsValue(formValues);
    }
  }, [open, current, spec, form]);

  const onOk = async () => {
    if (row && !current) return;
    const raw = await form.validateFields();
    const body: Raw = {};
    const before = current ? spec.valuesOf(current) : {};
    for (const f of fields) {
      const v = toApi(f, raw[f.name]);
      if (!row) {
        if (v !== undefined) body[f.name] = v;
      } else if (JSON.stringify(v ?? null) !== JSON.stringify(toApi(f, before[f.name]) ?? null)) {
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
        return <PersonSelect fallbackLabel={current ? f.fallbackLabel?.(current) : undefined} />;
      case 'remote':
        return <RemoteSelect source={f.source} fallbackLabel={current ? f.fallbackLabel?.(current) : undefined} />;
      case 'node':
        return <NodeTreeSelect selectableKinds={f.selectableKinds} fallbackLabel={current ? f.fallbackLabel?.(current) : undefined} />;
      case 'stairwells':
        return <StairwellSelect compoundField={f.compoundField} />;
      case 'custom':
        return f.input;
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: !!row && !current }}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {row && !current && !error && <Skeleton active />}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        hidden={!!row && !current}
        onValuesChange={(changed: Raw) => {
          // Stairwells belong to their compound: another compound empties the choice.
          for (const f of fields) if (f.kind === 'stairwells' && f.compoundField in changed) form.setFieldValue(f.name, []);
        }}
      >
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            extra={f.help}
            valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
            rules={[
              // An empty list only counts as missing for a rule typed 'array'; other kinds must stay untyped.
              ...(f.required ? [{ required: true, ...(f.kind === 'stairwells' && { type: 'array' as const }), message: t('registry.required', { field: f.label }) }] : []),
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
              ...(f.kind === 'custom' && f.validate
                ? [
                    {
                      validator: async (_: unknown, v: unknown) => {
                        const problem = f.validate!(v);
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
