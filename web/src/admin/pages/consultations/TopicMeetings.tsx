/**
 * A topic's consultation meetings (商量会议), in the 议事项 step and, read-only, after it: form,
 * time, place, status, attendance; planning, holding (the decision becomes the topic's),
 * cancelling, attendees, the sign-in QR code, the poster and the minutes.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Flex, Space, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined, PrinterOutlined, QrcodeOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { MeetingDto, TopicDetailDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { ReasonModal } from '../../components/ReasonModal';
import { ToneTag } from '../../components/ToneTag';
import { useSession } from '../../session';
import { MeetingAttendeesDrawer } from './MeetingAttendeesDrawer';
import { MeetingHoldModal } from './MeetingHoldModal';
import { MeetingPlanModal } from './MeetingPlanModal';
import { QrCodeModal } from './QrCodeModal';
import { MEETING_STATUS_TONES, meetingUrls, useMeetingLabels } from './meetingLabels';
import './consultation-meetings.css';

interface Props {
  topic: TopicDetailDto;
  /** A meeting changed the topic (planned, held, cancelled: its timeline or decision). */
  onTopicChanged: () => void;
}

const when = (m: MeetingDto) => `${dayjs(m.startsAt).format('YYYY-MM-DD HH:mm')}${m.endsAt ? ` – ${dayjs(m.endsAt).format(dayjs(m.endsAt).isSame(m.startsAt, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}` : ''}`;

export function TopicMeetings({ topic, onTopicChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const labels = useMeetingLabels();
  const [meetings, setMeetings] = useState<MeetingDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const [holding, setHolding] = useState<MeetingDto | null>(null);
  const [cancelling, setCancelling] = useState<MeetingDto | null>(null);
  const [attendees, setAttendees] = useState<MeetingDto | null>(null);
  const [qr, setQr] = useState<MeetingDto | null>(null);
  const manage = can('consultations.manage');
  const deliberating = topic.status === 'active' && topic.step === 'deliberate';
  const editable = manage && deliberating;

  const load = useCallback(async () => {
    setError(null);
    try {
      setMeetings((await api.get<{ data: MeetingDto[] }>('/api/consultations/meetings', { query: { topicId: topic.id, pageSize: 200 }, silent: true })).data);
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    }
  }, [topic.id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = (done: string) => {
    void message.success(done);
    void load();
    onTopicChanged();
  };

  const columns: TableProps<MeetingDto>['columns'] = [
    { title: t('consultMeetings.form'), dataIndex: 'form', width: 100, render: (f: MeetingDto['form']) => labels.form(f) },
    { title: t('consultMeetings.time'), key: 'time', width: 170, render: (_: unknown, m) => when(m) },
    {
      title: t('consultMeetings.place'),
      key: 'place',
      render: (_: unknown, m) => (
        <>
          <span className="consult-title-cell">{m.place}</span>
          {m.office && <div className="consult-step-meta">{m.office.name}</div>}
          {m.invitedGroups.length > 0 && <div className="consult-step-meta">{t('consultMeetings.invitedGroups')}：{m.invitedGroups.map(labels.group).join('、')}</div>}
          {m.cancelReason && <div className="consult-step-meta">{t('consultMeetings.cancelReason')}：{m.cancelReason}</div>}
        </>
      ),
    },
    { title: t('consultMeetings.status'), dataIndex: 'status', width: 90, render: (s: MeetingDto['status']) => <ToneTag tone={MEETING_STATUS_TONES[s]}>{labels.status(s)}</ToneTag> },
    { title: t('consultMeetings.attendance'), dataIndex: 'attendanceCount', width: 90, render: (n: number) => t('consultMeetings.attendanceCount', { n }) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, m) => (
        <Space size={4} wrap>
          {editable && m.status === 'planned' && (
            <Button size="small" type="primary" onClick={() => setHolding(m)}>
              {t('consultMeetings.hold')}
            </Button>
          )}
          <Button size="small" icon={<TeamOutlined />} onClick={() => setAttendees(m)}>
            {t('consultMeetings.attendees')}
          </Button>
          {m.status === 'planned' && (
            <>
              <Button size="small" icon={<QrcodeOutlined />} onClick={() => setQr(m)}>
                {t('consultMeetings.signInQr')}
              </Button>
              <Button size="small" icon={<PrinterOutlined />} href={meetingUrls(m.id).poster} target="_blank" rel="noopener">
                {t('consultMeetings.poster')}
              </Button>
            </>
          )}
          {m.status === 'held' && (
            <Button size="small" icon={<PrinterOutlined />} href={meetingUrls(m.id).minutes} target="_blank" rel="noopener">
              {t('consultMeetings.printMinutes')}
            </Button>
          )}
          {editable && m.status === 'planned' && (
            <Button size="small" danger onClick={() => setCancelling(m)}>
              {t('consultMeetings.cancel')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <section className="consult-meetings" aria-label={t('consultMeetings.title')} data-slot="consultation-meetings">
      <Flex justify="space-between" align="center" wrap gap={8} className="consult-meetings-head">
        <Typography.Text strong>{t('consultMeetings.title')}</Typography.Text>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
            {t('consultMeetings.plan')}
          </Button>
        )}
      </Flex>
      {!deliberating && <Typography.Paragraph type="secondary">{t('consultMeetings.readOnly')}</Typography.Paragraph>}
      {error ? (
        <Typography.Text type="danger">{error}</Typography.Text>
      ) : meetings?.length === 0 ? (
        <Typography.Text type="secondary">{t('consultMeetings.none')}</Typography.Text>
      ) : (
        <Table<MeetingDto>
          rowKey="id"
          size="small"
          loading={meetings === null}
          columns={columns}
          dataSource={meetings ?? []}
          pagination={false}
          scroll={{ x: 820 }}
          data-testid="topic-meetings"
        />
      )}
      <MeetingPlanModal
        topic={topic}
        open={planning}
        onClose={() => setPlanning(false)}
        onDone={() => {
          setPlanning(false);
          changed(t('consultMeetings.planned'));
        }}
      />
      <MeetingHoldModal
        topic={topic}
        meeting={holding}
        onClose={() => setHolding(null)}
        onDone={() => {
          setHolding(null);
          changed(t('consultMeetings.held'));
        }}
      />
      <ReasonModal
        open={cancelling !== null}
        title={t('consultMeetings.cancelTitle')}
        hint={t('consultMeetings.cancelHint')}
        okText={t('consultMeetings.cancel')}
        onClose={() => setCancelling(null)}
        onSubmit={async (reason) => {
          await api.post(`/api/consultations/meetings/${cancelling!.id}/cancel`, { reason }, { silent: true });
          setCancelling(null);
          changed(t('consultMeetings.cancelled'));
        }}
      />
      <MeetingAttendeesDrawer meeting={attendees} canAdd={manage && attendees?.status !== 'cancelled'} onClose={() => setAttendees(null)} onChanged={() => void load()} />
      {qr && (
        <QrCodeModal
          open
          title={t('consultMeetings.signInQrTitle')}
          hint={t('consultMeetings.signInQrHint')}
          urls={meetingUrls(qr.id)}
          fileName={`meeting-${qr.id}-qr.png`}
          onClose={() => setQr(null)}
        />
      )}
    </section>
  );
}
