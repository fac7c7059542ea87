/**
 * 参会人员: who attended a meeting (staff-recorded and QR sign-ins; phones masked by the
 * server), and a form to record one more (name, group, optional phone).
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Select, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEETING_LIMITS, PHONE_PATTERN } from '@xj/contracts/domain';
import type { MeetingAttendeeDto, MeetingDetailDto, MeetingDto, MeetingGroup } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useSaving } from '../../../shared/useSaving';
import { useMeetingLabels } from './meetingLabels';

interface Values {
  name: string;
  group: MeetingGroup;
  phone?: string;
}

interface Props {
  meeting: MeetingDto | null;
  /** Staff may record attendees (consultations.manage, meeting not cancelled). */
  canAdd: boolean;
  onClose: () => void;
  /** The attendance count changed. */
  onChanged: () => void;
}

export function MeetingAttendeesDrawer({ meeting, canAdd, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const labels = useMeetingLabels();
  const [form] = Form.useForm<Values>();
  const [detail, setDetail] = useState<MeetingDetailDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, save] = useSaving();
  const id = meeting?.id;

  const load = useCallback(async () => {
    if (id === undefined) return;
    setError(null);
    try {
      setDetail(await api.get<MeetingDetailDto>(`/api/consultations/meetings/${id}`, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    }
  }, [id, t]);

  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  const add = async () => {
    if (id === undefined) return;
    const v = await form.validateFields();
    await save(async () => {
      const body = { name: v.name.trim(), group: v.group, phone: v.phone?.trim() || undefined };
      setDetail(await api.post<MeetingDetailDto>(`/api/consultations/meetings/${id}/attendees`, body));
      form.resetFields();
      onChanged();
    });
  };

  const columns: TableProps<MeetingAttendeeDto>['columns'] = [
    { title: t('consultMeetings.name'), dataIndex: 'name', render: (v: string | null) => v ?? t('consultMeetings.qrResident') },
    { title: t('consultMeetings.group'), dataIndex: 'group', width: 130, render: (g: MeetingGroup | null) => (g ? labels.group(g) : '—') },
    { title: t('consultMeetings.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    { title: t('consultMeetings.source'), dataIndex: 'source', width: 100, render: (s: MeetingAttendeeDto['source']) => (s === 'qr' ? t('consultMeetings.sourceQr') : t('consultMeetings.sourceStaff')) },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <Drawer open={meeting !== null} onClose={onClose} size={720} title={meeting ? t('consultMeetings.attendeesTitle', { place: meeting.place }) : ''} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {canAdd && (
        <Form form={form} name="meeting-attendee" layout="inline" requiredMark="optional" className="consult-attendee-form" onFinish={() => void add()} aria-label={t('consultMeetings.addAttendee')}>
          <Form.Item name="name" label={t('consultMeetings.name')} rules={[{ required: true, whitespace: true, message: t('consultMeetings.nameRequired') }]}>
            <Input maxLength={MEETING_LIMITS.nameMax} />
          </Form.Item>
          <Form.Item name="group" label={t('consultMeetings.group')} rules={[{ required: true, message: t('consultMeetings.groupRequired') }]}>
            <Select className="consult-attendee-group" virtual={false} options={labels.groupOptions} />
          </Form.Item>
          <Form.Item name="phone" label={t('consultMeetings.phone')} tooltip={t('consultMeetings.phoneHelp')} rules={[{ pattern: PHONE_PATTERN, message: t('consultMeetings.phoneInvalid') }]}>
            <Input maxLength={13} inputMode="tel" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('consultMeetings.addAttendee')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {detail === null && !error ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : !detail?.attendees.length ? (
        <Typography.Text type="secondary">{t('consultMeetings.noAttendees')}</Typography.Text>
      ) : (
        <Table<MeetingAttendeeDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={detail.attendees}
          pagination={false}
          scroll={{ x: 600 }}
        />
      )}
    </Drawer>
  );
}
