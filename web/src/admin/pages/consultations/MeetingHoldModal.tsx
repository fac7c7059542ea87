/**
 * 召开/记录: the meeting's minutes, decision and optionally the chosen option; the decision
 * becomes the topic's. A refusal is shown with the server's message.
 */
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEETING_LIMITS } from '@xj/contracts/domain';
import type { MeetingDetailDto, MeetingDto, TopicDetailDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';

interface Values {
  minutes: string;
  decision: string;
  optionId?: number;
}

interface Props {
  topic: TopicDetailDto;
  meeting: MeetingDto | null;
  onClose: () => void;
  onDone: (meeting: MeetingDetailDto) => void;
}

export function MeetingHoldModal({ topic, meeting, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();

  const onOk = async () => {
    if (!meeting) return;
    const v = await form.validateFields();
    await submit(async () => {
      const body = { minutes: v.minutes.trim(), decision: v.decision.trim(), optionId: v.optionId };
      onDone(await api.post<MeetingDetailDto>(`/api/consultations/meetings/${meeting.id}/hold`, body, { silent: true }));
    });
  };

  return (
    <Modal
      open={meeting !== null}
      title={t('consultMeetings.holdTitle')}
      okText={t('consultMeetings.hold')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('consultMeetings.holdHint')}</Typography.Paragraph>
      <Form form={form} name="meeting-hold" layout="vertical" requiredMark="optional" preserve={false}>
        <Form.Item name="minutes" label={t('consultMeetings.minutes')} rules={[{ required: true, whitespace: true, message: t('consultMeetings.minutesRequired') }]}>
          <Input.TextArea rows={5} maxLength={MEETING_LIMITS.minutesMax} showCount />
        </Form.Item>
        <Form.Item name="decision" label={t('consultMeetings.decision')} rules={[{ required: true, whitespace: true, message: t('consultMeetings.decisionRequired') }]}>
          <Input.TextArea rows={3} maxLength={MEETING_LIMITS.decisionMax} showCount />
        </Form.Item>
        <Form.Item name="optionId" label={t('consultMeetings.option')} extra={t('consultMeetings.optionHelp')}>
          <Select allowClear virtual={false} options={topic.options.map((o) => ({ value: o.id, label: o.title }))} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
