/** The session's decision on one agenda item: the decision, optionally a new owner and a new deadline. */
import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { RECEPTION_DAY_LIMITS } from '@xj/contracts/domain';
import type { AgendaItemDto, CommissionerDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useDebounced } from '../../../shared/useDebounced';
import { useSaving } from '../../../shared/useSaving';

interface Values {
  decision: string;
  newOwnerId?: number;
  newDeadline?: Dayjs;
}

interface Props {
  receptionDayId: number;
  item: AgendaItemDto | null;
  onClose: () => void;
  onDone: () => void;
}

function useCommissionerSearch(typed: string): CommissionerDto[] {
  const term = useDebounced(typed.trim(), 250);
  const [rows, setRows] = useState<CommissionerDto[]>([]);
  useEffect(() => {
    if (!term) return;
    const controller = new AbortController();
    api
      .get<{ data: CommissionerDto[] }>('/api/commissioners', { query: { q: term, pageSize: 50 }, signal: controller.signal })
      .then((r) => setRows(r.data))
      .catch(() => undefined);
    return () => controller.abort();
  }, [term]);
  return rows;
}

export function DecideModal({ receptionDayId, item, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, save] = useSaving();
  const [typed, setTyped] = useState('');
  const commissioners = useCommissionerSearch(typed);

  const submit = (v: Values) =>
    save(async () => {
      await api.post(`/api/reception-days/${receptionDayId}/agenda/${item!.id}/decide`, {
        decision: v.decision.trim(),
        ...(v.newOwnerId ? { newOwnerId: v.newOwnerId } : {}),
        ...(v.newDeadline ? { newDeadline: v.newDeadline.format('YYYY-MM-DD') } : {}),
      });
      form.resetFields();
      onDone();
    });

  return (
    <Modal
      open={item !== null}
      title={`${t('receptionDays.decide')} · ${item?.ticket.code ?? ''}`}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="decision" label={t('receptionDays.decision')} rules={[{ required: true, whitespace: true, message: t('receptionDays.decisionRequired') }]}>
          <Input.TextArea rows={4} maxLength={RECEPTION_DAY_LIMITS.decisionMax} showCount />
        </Form.Item>
        <Form.Item name="newOwnerId" label={t('receptionDays.newOwner')} extra={t('receptionDays.newOwnerHint')}>
          <Select
            showSearch
            allowClear
            filterOption={false}
            onSearch={setTyped}
            placeholder={t('receptionDays.searchCommissioner')}
            options={commissioners.map((c) => ({ value: c.id, label: `${c.person.name}（${c.communityName} · ${c.department}）`, disabled: c.userId === null }))}
          />
        </Form.Item>
        <Form.Item name="newDeadline" label={t('receptionDays.newDeadline')} extra={t('receptionDays.newDeadlineHint')}>
          <DatePicker className="full-width" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
