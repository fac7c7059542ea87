/** 快办理 → 工单: hands a task to the ticket module (category, priority, optional description). */
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, TOPIC_LIMITS, type TicketPriority } from '@xj/contracts/domain';
import type { TopicDetailDto, TopicTaskDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useTicketCategories } from '../tickets/useTicketCategories';
import { useTicketLabels } from '../tickets/ticketLabels';

interface Values {
  categoryId: number;
  priority: TicketPriority;
  description?: string;
}

interface Props {
  topic: TopicDetailDto;
  /** The task to hand over; null: closed. */
  task: TopicTaskDto | null;
  onClose: () => void;
  onDone: (topic: TopicDetailDto) => void;
}

export function TaskTicketModal({ topic, task, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const labels = useTicketLabels();
  const categories = useTicketCategories();
  const [form] = Form.useForm<Values>();
  const { saving, error, submit } = useSubmit();

  const onOk = async () => {
    if (!task) return;
    const v = await form.validateFields();
    await submit(async () => {
      const body = { categoryId: v.categoryId, priority: v.priority, description: v.description?.trim() || undefined };
      onDone(await api.post<TopicDetailDto>(`/api/consultations/topics/${topic.id}/tasks/${task.id}/ticket`, body, { silent: true }));
    });
  };

  return (
    <Modal
      open={task !== null}
      title={t('consult.taskTicket.title', { title: task?.title ?? '' })}
      okText={t('consult.taskTicket.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('consult.taskTicket.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ priority: 'normal' }}>
        <Form.Item name="categoryId" label={t('consult.taskTicket.category')} rules={[{ required: true, message: t('consult.taskTicket.categoryRequired') }]}>
          <Select
            placeholder={t('consult.taskTicket.categoryRequired')}
            virtual={false}
            options={categories.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('consult.taskTicket.priority')}>
          <Select options={TICKET_PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('consult.taskTicket.description')} extra={t('consult.taskTicket.descriptionHelp')}>
          <Input.TextArea rows={3} maxLength={TOPIC_LIMITS.descriptionMax} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
