/**
 * Register a person (POST /api/people) or edit one (PATCH /api/people/:id, changed fields only).
 * ID number and phone are checked here with the platform's own rules; birth date and gender
 * follow from a valid ID number. Editing shows the stored phone and ID number masked, as the
 * API returns them: left as shown they are not sent, emptied they are removed (sent as null).
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { birthDateFromId, GENDERS, genderFromId, idNumberProblem, isValidPhone, LIMITS } from '@xj/contracts/domain';
import type { Gender, PersonDto } from '@xj/contracts';
import { api, isApiError } from '../../shared/api';
import { useGenderLabel } from '../../shared/personLabels';
import { personPath } from '../routes';
import { NodeTreeSelect } from './NodeTreeSelect';

interface Values {
  name: string;
  gender?: Gender;
  birthDate?: Dayjs;
  phone?: string;
  idNumber?: string;
  nodeId?: number;
  notes?: string;
}

interface Props {
  open: boolean;
  /** The person being edited; null to register a new one. */
  person: PersonDto | null;
  onClose: () => void;
  onSaved: (p: PersonDto) => void;
}

const normaliseId = (s: string) => s.replace(/\s+/g, '').toUpperCase();
const normalisePhone = (s: string) => s.replace(/\s+/g, '');

type Sensitive = 'phone' | 'idNumber';

/**
 * What to send for a masked field of an edited person: nothing while it still shows the
 * stored (masked) value, null once emptied, else the new value.
 */
function sensitiveChange(typed: string | undefined, stored: string | null, normalise: (s: string) => string): string | null | undefined {
  const v = typed?.trim() ?? '';
  if (v === (stored ?? '')) return undefined;
  return v ? normalise(v) : null;
}

export function PersonFormModal({ open, person, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const genderLabel = useGenderLabel();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; existingId?: number } | null>(null);
  const editing = person !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    if (person) {
      form.setFieldsValue({
        name: person.name,
        gender: person.gender ?? undefined,
        birthDate: person.birthDate ? dayjs(person.birthDate) : undefined,
        phone: person.phone ?? undefined,
        idNumber: person.idNumber ?? undefined,
        nodeId: person.nodeId,
        notes: person.notes ?? undefined,
      });
    }
  }, [open, person, form]);

  const typedPhone = Form.useWatch('phone', form);
  const typedId = Form.useWatch('idNumber', form);
  const unchanged = (field: Sensitive, raw: string) => !!person && raw.trim() === (person[field] ?? '');
  /** Under a stored phone / ID number: kept while it shows the masked value, a warning once emptied. */
  const sensitiveHelp = (field: Sensitive, typed: string | undefined) => {
    if (!person?.[field]) return undefined;
    if (!typed?.trim()) return <Typography.Text type="warning">{t('people.sensitiveCleared', { field: t(`people.${field}`) })}</Typography.Text>;
    return unchanged(field, typed) ? t('people.sensitiveKept') : undefined;
  };

  const onIdChange = (raw: string) => {
    const id = normaliseId(raw);
    if (idNumberProblem(id) !== null) return;
    const birth = birthDateFromId(id);
    form.setFieldsValue({ gender: genderFromId(id), birthDate: birth ? dayjs(birth) : undefined });
  };

  const buildBody = (v: Values): Record<string, unknown> => {
    const body: Record<string, unknown> = {};
    const birth = v.birthDate ? v.birthDate.format('YYYY-MM-DD') : undefined;
    const phone = v.phone?.trim() ? normalisePhone(v.phone) : undefined;
    const idNumber = v.idNumber?.trim() ? normaliseId(v.idNumber) : undefined;
    const notes = v.notes?.trim() || undefined;
    if (!person) {
      return { name: v.name.trim(), gender: v.gender, birthDate: birth, phone, idNumber, nodeId: v.nodeId, notes };
    }
    if (v.name.trim() !== person.name) body.name = v.name.trim();
    if ((v.gender ?? null) !== person.gender) body.gender = v.gender ?? null;
    if ((birth ?? null) !== person.birthDate) body.birthDate = birth ?? null;
    const phoneChange = sensitiveChange(v.phone, person.phone, normalisePhone);
    if (phoneChange !== undefined) body.phone = phoneChange;
    const idChange = sensitiveChange(v.idNumber, person.idNumber, normaliseId);
    if (idChange !== undefined) body.idNumber = idChange;
    if (v.nodeId !== undefined && v.nodeId !== person.nodeId) body.nodeId = v.nodeId;
    if ((notes ?? null) !== person.notes) body.notes = notes ?? null;
    return body;
  };

  const onOk = async () => {
    const v = await form.validateFields();
    const body = buildBody(v);
    if (person && Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = person
        ? await api.patch<PersonDto>(`/api/people/${person.id}`, body, { silent: true })
        : await api.post<PersonDto>('/api/people', body, { silent: true });
      onSaved(saved);
    } catch (e) {
      if (isApiError(e)) {
        const existingId = (e.details as { existingId?: number | null } | undefined)?.existingId ?? undefined;
        setError({ message: e.message, existingId });
      } else setError({ message: t('errors.generic') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('people.editTitle', { name: person.name }) : t('people.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('people.idNumber')}
          extra={sensitiveHelp('idNumber', typedId) ?? t('people.idNumberHelp')}
          rules={[
            {
              validator: async (_, raw: string | undefined) => {
                if (!raw?.trim() || unchanged('idNumber', raw)) return;
                const problem = idNumberProblem(normaliseId(raw));
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input maxLength={22} autoComplete="off" allowClear={editing} onChange={(e) => onIdChange(e.target.value)} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="gender" label={t('people.gender')} className="form-row-item">
            <Select allowClear options={GENDERS.map((g) => ({ value: g, label: genderLabel(g) }))} />
          </Form.Item>
          <Form.Item name="birthDate" label={t('people.birthDate')} className="form-row-item">
            <DatePicker className="full-width" disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </div>
        <Form.Item
          name="phone"
          label={t('people.phone')}
          extra={sensitiveHelp('phone', typedPhone)}
          rules={[
            {
              validator: async (_, raw: string | undefined) => {
                if (!raw?.trim() || unchanged('phone', raw)) return;
                if (!isValidPhone(normalisePhone(raw))) throw new Error(t('people.phoneInvalid'));
              },
            },
          ]}
        >
          <Input maxLength={20} autoComplete="off" inputMode="tel" allowClear={editing} />
        </Form.Item>
        <Form.Item name="nodeId" label={t('people.address')} rules={[{ required: true, message: t('people.addressRequired') }]} extra={t('people.addressHelp')}>
          <NodeTreeSelect fallbackLabel={person?.nodePathNames.join(' / ')} allowClear={false} />
        </Form.Item>
        <Form.Item name="notes" label={t('people.notes')}>
          <Input.TextArea rows={2} maxLength={LIMITS.noteMax} />
        </Form.Item>
      </Form>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error.message}
          description={error.existingId ? <Link to={personPath(error.existingId)} onClick={onClose}>{t('people.openExisting')}</Link> : undefined}
        />
      )}
    </Modal>
  );
}
