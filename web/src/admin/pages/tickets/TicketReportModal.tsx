/**
 * Reports a ticket by hand (社区上报 / 居民反映 / 书记接待日): it concerns a node from community
 * down to stairwell and goes at once to the community's commissioner (首问负责).
 */
import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isValidPhone, TICKET_LIMITS, TICKET_MANUAL_SOURCES, TICKET_PRIORITIES } from '@xj/contracts/domain';
import type { TicketCategoryDto, TicketDetailDto, TicketPriority, TicketSource } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { useTicketLabels } from './ticketLabels';

interface Values {
  source: TicketSource;
  categoryId: number;
  nodeId: number;
  address?: string;
  description: string;
  reporterName?: string;
  reporterPhone?: string;
  priority: TicketPriority;
}

const REPORTABLE_KINDS = ['community', 'compound', 'building', 'stairwell'] as const;

interface Props {
  open: boolean;
  categories: TicketCategoryDto[];
  onClose: () => void;
  onReported: (ticket: TicketDetailDto) => void;
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;

export function TicketReportModal({ open, categories, onClose, onReported }: Props) {
  const { t } = useTranslation();
  const labels = useTicketLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    await submit(async () => {
      const ticket = await api.post<TicketDetailDto>(
        '/api/tickets',
        {
          source: v.source,
          categoryId: v.categoryId,
          nodeId: v.nodeId,
          address: trimmed(v.address),
          description: v.description.trim(),
          reporterName: trimmed(v.reporterName),
          reporterPhone: trimmed(v.reporterPhone)?.replace(/\s/g, ''),
          priority: v.priority,
        },
        { silent: true },
      );
      onReported(ticket);
    });
  };

  return (
    <Modal
      open={open}
      title={t('tickets.reportTitle')}
      okText={t('tickets.report')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ source: 'community_report', priority: 'normal' }}>
        <Form.Item name="source" label={t('tickets.source')}>
          <Radio.Group optionType="button" options={TICKET_MANUAL_SOURCES.map((s) => ({ value: s, label: labels.source(s) }))} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('tickets.category')} rules={[{ required: true, message: t('tickets.categoryRequired') }]}>
          <Select
            placeholder={t('tickets.categoryRequired')}
            options={categories.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="nodeId" label={t('tickets.node')} rules={[{ required: true, message: t('tickets.nodeRequired') }]} extra={t('tickets.reportNodeHelp')}>
          <NodeTreeSelect selectableKinds={REPORTABLE_KINDS} allowClear={false} />
        </Form.Item>
        <Form.Item name="address" label={t('tickets.address')}>
          <Input maxLength={TICKET_LIMITS.addressMax} />
        </Form.Item>
        <Form.Item name="description" label={t('tickets.descriptionLabel')} rules={[{ required: true, whitespace: true, message: t('tickets.descriptionRequired') }]}>
          <Input.TextArea rows={4} maxLength={TICKET_LIMITS.descriptionMax} showCount />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="reporterName" label={t('tickets.reporterName')} className="form-row-item">
            <Input maxLength={TICKET_LIMITS.reporterNameMax} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="reporterPhone"
            label={t('tickets.reporterPhone')}
            className="form-row-item"
            rules={[{ validator: async (_, v?: string) => { if (v?.trim() && !isValidPhone(v.replace(/\s/g, ''))) throw new Error(t('tickets.phoneInvalid')); } }]}
          >
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item name="priority" label={t('tickets.priority')}>
          <Radio.Group optionType="button" options={TICKET_PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
