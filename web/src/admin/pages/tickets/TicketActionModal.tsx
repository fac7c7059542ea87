/**
 * The form of one ticket step: a note (accept, start, close), department and reason
 * (transfer), the result (handle), the secretary's confirmation, or the new owner (assign).
 * A refusal (e.g. 409: the status changed meanwhile) shows the server's message here.
 */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SATISFACTIONS, TICKET_LIMITS } from '@xj/contracts/domain';
import type { CommissionerDto, Satisfaction, TicketDetailDto, TicketDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { useDebounced } from '../../../shared/useDebounced';
import type { ConsoleAction } from './ticketPermissions';
import { useTicketLabels } from './ticketLabels';

interface Values {
  note?: string;
  department?: string;
  reason?: string;
  resultNote?: string;
  resolved?: boolean;
  satisfaction?: Satisfaction;
  unresolvedNext?: 'reopen' | 'close';
  comment?: string;
  commissionerId?: number;
}

interface Props {
  ticket: TicketDto;
  action: ConsoleAction | null;
  onClose: () => void;
  onDone: (ticket: TicketDetailDto) => void;
  /** The server refused because the ticket changed meanwhile: reload it. */
  onStale: () => void;
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;

function bodyOf(action: ConsoleAction, v: Values): unknown {
  switch (action) {
    case 'transfer':
      return { department: v.department!.trim(), reason: v.reason!.trim() };
    case 'handle':
      return { resultNote: v.resultNote!.trim() };
    case 'confirm':
      return { resolved: v.resolved, satisfaction: v.satisfaction, comment: trimmed(v.comment), closeUnresolved: !v.resolved && v.unresolvedNext === 'close' };
    case 'assign':
      return { commissionerId: v.commissionerId, reason: v.reason!.trim() };
    default:
      return { note: trimmed(v.note) };
  }
}

/** The ticket community's commissioners, or, once a name is typed, any in the caller's scope. */
function useCommissioners(communityId: number, enabled: boolean, typed: string): CommissionerDto[] {
  const term = useDebounced(typed.trim(), 250);
  const [rows, setRows] = useState<CommissionerDto[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const query = term ? { q: term, pageSize: 50 } : { nodeId: communityId, pageSize: 200 };
    api
      .get<{ data: CommissionerDto[] }>('/api/commissioners', { query, signal: controller.signal })
      .then((r) => setRows(r.data))
      .catch(() => undefined);
    return () => controller.abort();
  }, [communityId, enabled, term]);
  return rows;
}

export function TicketActionModal({ ticket, action, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const labels = useTicketLabels();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolved = Form.useWatch('resolved', form);
  const [typed, setTyped] = useState('');
  const commissioners = useCommissioners(ticket.communityId, action === 'assign', typed);

  useEffect(() => {
    if (action) {
      form.resetFields();
      setError(null);
    }
  }, [action, form]);

  const onOk = async () => {
    if (!action) return;
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      onDone(await api.post<TicketDetailDto>(`/api/tickets/${ticket.id}/${action}`, bodyOf(action, v), { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
      if (isApiError(e) && e.status === 409) onStale();
    } finally {
      setSaving(false);
    }
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  const noteArea = (max: number = TICKET_LIMITS.noteMax) => <Input.TextArea rows={3} maxLength={max} showCount />;

  return (
    <Modal
      open={action !== null}
      title={action ? `${labels.action(action)} · ${ticket.code}` : ''}
      okText={action ? labels.action(action) : t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ resolved: true, unresolvedNext: 'reopen' }}>
        {(action === 'accept' || action === 'start' || action === 'close') && (
          <Form.Item name="note" label={t('tickets.note')}>
            <Input.TextArea rows={2} maxLength={TICKET_LIMITS.noteMax} placeholder={t('tickets.notePlaceholder')} />
          </Form.Item>
        )}
        {action === 'transfer' && (
          <>
            <Form.Item name="department" label={t('tickets.department')} rules={required(t('tickets.departmentRequired'))}>
              <Input maxLength={TICKET_LIMITS.departmentMax} />
            </Form.Item>
            <Form.Item name="reason" label={t('tickets.reason')} rules={required(t('tickets.reasonRequired'))}>
              {noteArea()}
            </Form.Item>
          </>
        )}
        {action === 'handle' && (
          <Form.Item name="resultNote" label={t('tickets.resultNote')} rules={required(t('tickets.resultRequired'))}>
            <Input.TextArea rows={4} maxLength={TICKET_LIMITS.noteMax} showCount />
          </Form.Item>
        )}
        {action === 'confirm' && (
          <>
            <Form.Item name="resolved" label={t('tickets.resolved')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: true, label: t('tickets.resolvedYes') },
                  { value: false, label: t('tickets.resolvedNo') },
                ]}
              />
            </Form.Item>
            {resolved === false && (
              <Form.Item name="unresolvedNext" label={t('tickets.unresolvedNext')}>
                <Radio.Group
                  options={[
                    { value: 'reopen', label: t('tickets.reopen') },
                    { value: 'close', label: t('tickets.closeUnresolved') },
                  ]}
                />
              </Form.Item>
            )}
            <Form.Item name="satisfaction" label={t('tickets.satisfaction')} rules={[{ required: true, message: t('tickets.satisfactionRequired') }]}>
              <Radio.Group optionType="button" options={SATISFACTIONS.map((s) => ({ value: s, label: labels.satisfaction(s) }))} />
            </Form.Item>
            <Form.Item
              name="comment"
              label={t('tickets.comment')}
              rules={resolved === false ? required(t('tickets.commentRequired')) : []}
            >
              {noteArea()}
            </Form.Item>
          </>
        )}
        {action === 'assign' && (
          <>
            <Form.Item name="commissionerId" label={t('tickets.commissioner')} rules={[{ required: true, message: t('tickets.commissionerRequired') }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setTyped }}
                placeholder={t('tickets.commissionerRequired')}
                options={commissioners.map((c) => ({
                  value: c.id,
                  disabled: c.userId === null,
                  label: `${c.person.name}（${c.communityName} · ${c.department}）${c.userId === null ? t('tickets.commissionerNoAccount') : ''}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="reason" label={t('tickets.reason')} rules={required(t('tickets.reasonRequired'))}>
              {noteArea()}
            </Form.Item>
          </>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
