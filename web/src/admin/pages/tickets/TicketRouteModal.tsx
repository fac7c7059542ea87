/**
 * Triage: a manager routes a 12345 hotline ticket that waits on a subdistrict (or the county)
 * to the community, or a place below it, that it concerns; the server assigns it at once.
 */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TICKET_LIMITS } from '@xj/contracts/domain';
import type { TicketDetailDto, TicketDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';

const ROUTABLE_KINDS = ['community', 'compound', 'building', 'stairwell'] as const;

interface Values {
  nodeId: number;
  reason?: string;
}

interface Props {
  ticket: TicketDto;
  open: boolean;
  onClose: () => void;
  onDone: (ticket: TicketDetailDto) => void;
  /** The server refused because the ticket changed meanwhile: reload it. */
  onStale: () => void;
}

export function TicketRouteModal({ ticket, open, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = { nodeId: v.nodeId, reason: v.reason?.trim() || undefined };
      onDone(await api.post<TicketDetailDto>(`/api/tickets/${ticket.id}/route`, body, { silent: true }));
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
      title={t('ticketRoute.title', { code: ticket.code })}
      okText={t('ticketRoute.button')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ticketRoute.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="nodeId" label={t('ticketRoute.node')} rules={[{ required: true, message: t('ticketRoute.nodeRequired') }]}>
          <NodeTreeSelect selectableKinds={ROUTABLE_KINDS} allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label={t('ticketRoute.reason')}>
          <Input.TextArea rows={2} maxLength={TICKET_LIMITS.noteMax} placeholder={t('tickets.notePlaceholder')} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
