/**
 * 安排会议: form, an optional consultation office of the topic's community (fills in the
 * place), start and end, place and the invited groups. A refusal is shown with the server's message.
 */
import { useEffect, useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { MEETING_LIMITS } from '@xj/contracts/domain';
import type { ConsultationOfficeDto, MeetingDetailDto, MeetingForm, MeetingGroup, TopicDetailDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useMeetingLabels } from './meetingLabels';

interface Values {
  form: MeetingForm;
  officeId?: number;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  place: string;
  invitedGroups?: MeetingGroup[];
}

interface Props {
  topic: TopicDetailDto;
  open: boolean;
  onClose: () => void;
  onDone: (meeting: MeetingDetailDto) => void;
}

export function MeetingPlanModal({ topic, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const labels = useMeetingLabels();
  const [form] = Form.useForm<Values>();
  const [offices, setOffices] = useState<ConsultationOfficeDto[]>([]);
  const { saving, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    const ctl = new AbortController();
    api
      .get<{ data: ConsultationOfficeDto[] }>('/api/consultations/offices', { query: { nodeId: topic.communityId, active: 'true', pageSize: 200 }, silent: true, signal: ctl.signal })
      .then((r) => setOffices(r.data))
      .catch(() => setOffices([]));
    return () => ctl.abort();
  }, [open, form, topic.communityId]);

  const pickOffice = (id: number | undefined) => {
    const o = offices.find((x) => x.id === id);
    if (o && !form.getFieldValue('place')) form.setFieldValue('place', [o.venue, o.address].filter(Boolean).join(' ') || o.name);
  };

  const onOk = async () => {
    const v = await form.validateFields();
    await submit(async () => {
      const body = {
        topicId: topic.id,
        form: v.form,
        officeId: v.officeId,
        startsAt: v.startsAt.format(),
        endsAt: v.endsAt ? v.endsAt.format() : undefined,
        place: v.place.trim(),
        invitedGroups: v.invitedGroups ?? [],
      };
      onDone(await api.post<MeetingDetailDto>('/api/consultations/meetings', body, { silent: true }));
    });
  };

  return (
    <Modal
      open={open}
      title={t('consultMeetings.plan')}
      okText={t('consultMeetings.plan')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="meeting-plan" layout="vertical" requiredMark="optional" initialValues={{ form: 'onsite', invitedGroups: [] }}>
        <Form.Item name="form" label={t('consultMeetings.form')} rules={[{ required: true }]}>
          <Radio.Group options={labels.formOptions} optionType="button" />
        </Form.Item>
        <Form.Item name="officeId" label={t('consultMeetings.office')} extra={offices.length ? t('consultMeetings.officeHelp') : t('consultMeetings.noOffice')}>
          <Select allowClear virtual={false} disabled={offices.length === 0} options={offices.map((o) => ({ value: o.id, label: `${o.name}（${o.nodeName}）` }))} onChange={pickOffice} />
        </Form.Item>
        <Form.Item name="startsAt" label={t('consultMeetings.startsAt')} rules={[{ required: true, message: t('consultMeetings.startsAt') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="full-width" />
        </Form.Item>
        <Form.Item
          name="endsAt"
          label={t('consultMeetings.endsAt')}
          extra={t('consultMeetings.endsAtHelp')}
          dependencies={['startsAt']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null | undefined) => {
                const start = getFieldValue('startsAt') as Dayjs | undefined;
                return !v || !start || v.isAfter(start) ? Promise.resolve() : Promise.reject(new Error(t('consultMeetings.endAfterStart')));
              },
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="full-width" />
        </Form.Item>
        <Form.Item name="place" label={t('consultMeetings.place')} rules={[{ required: true, whitespace: true, message: t('consultMeetings.placeRequired') }]}>
          <Input maxLength={MEETING_LIMITS.placeMax} />
        </Form.Item>
        <Form.Item name="invitedGroups" label={t('consultMeetings.invitedGroups')}>
          <Checkbox.Group options={labels.groupOptions} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
