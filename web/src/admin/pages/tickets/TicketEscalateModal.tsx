/**
 * 书记直通车: the community secretary takes an open ticket to the next reception day, with a
 * reason. A refusal (e.g. 409: already waiting for a decision) shows the server's message here.
 */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RECEPTION_DAY_LIMITS } from '@xj/contracts/domain';
import type { TicketDto, TicketEscalationResult } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';

interface Props {
  ticket: TicketDto;
  open: boolean;
  onClose: () => void;
  onDone: (result: TicketEscalationResult) => void;
  /** The server refused because the ticket changed meanwhile: reload it. */
  onStale: () => void;
}

export function TicketEscalateModal({ ticket, open, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const onOk = async () => {
    const { reason } = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      onDone(await api.post<TicketEscalationResult>(`/api/tickets/${ticket.id}/escalate`, { reason: reason.trim() }, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
      if (isApiError(e) && e.status === 409) onStale();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('ticketEscalate.title', { code: ticket.code })}
      okText={t('ticketEscalate.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ticketEscalate.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="reason" label={t('ticketEscalate.reason')} rules={[{ required: true, whitespace: true, message: t('ticketEscalate.reasonRequired') }]}>
          <Input.TextArea rows={4} maxLength={RECEPTION_DAY_LIMITS.reasonMax} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
