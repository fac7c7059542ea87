/**
 * One volunteer activity: its particulars, the check-in QR code, the roster (with staff check-in
 * and check-out and its Excel export), changing it before the start, cancelling with a reason and
 * closing it after the end (sign-ups never checked in become no-shows).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, type DescriptionsProps } from 'antd';
import { DownloadOutlined, EditOutlined, QrcodeOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ACTIVITY_AUDIENCE_LABELS, ACTIVITY_TYPE_LABELS, POINTS_MODE_LABELS } from '@xj/contracts/domain';
import type { ActivityDetailDto } from '@xj/contracts';
import { api, download, isApiError } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS } from '../../routes';
import { useSession } from '../../session';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityQrModal } from './ActivityQrModal';
import { ActivityRoster } from './ActivityRoster';
import { ActivityStatusTag } from './VolunteerTags';
import { dateTime, hours, timeRange } from './volunteerFormat';

export default function ActivityDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const activityId = Number(id);
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [activity, setActivity] = useState<ActivityDetailDto | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [qrOpen, setQrOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(() => {
    api
      .get<ActivityDetailDto>(`/api/volunteers/activities/${activityId}`, { silent: true })
      .then(setActivity)
      .catch((e: unknown) => setMissing(isApiError(e) ? e.message : t('errors.generic')));
  }, [activityId, t]);
  useEffect(load, [load]);

  if (missing) return <Alert type="error" showIcon title={missing} action={<Link to={PATHS.volActivities}>{t('volunteers.act.backToList')}</Link>} />;
  if (!activity) return <Skeleton active />;

  const manage = can('volunteers.manage') && activity.status === 'published';
  const started = dayjs().isAfter(activity.startsAt);
  const ended = dayjs().isAfter(activity.endsAt);

  const close = async () => {
    try {
      setActivity(await api.post<ActivityDetailDto>(`/api/volunteers/activities/${activity.id}/close`, {}));
      setVersion((v) => v + 1);
      void message.success(t('volunteers.act.closed'));
    } catch {
      // shown by the API wrapper
    }
  };

  const exportRoster = async () => {
    setExporting(true);
    try {
      await download(`/api/volunteers/activities/${activity.id}/roster.xlsx`, `activity-${activity.id}-roster.xlsx`);
    } catch {
      // shown by the API wrapper
    } finally {
      setExporting(false);
    }
  };

  const items: DescriptionsProps['items'] = [
    { key: 'organiser', label: t('volunteers.act.organiser'), children: activity.nodeName === activity.communityName ? activity.nodeName : `${activity.communityName} / ${activity.nodeName}` },
    { key: 'type', label: t('volunteers.act.type'), children: label(ACTIVITY_TYPE_LABELS, activity.type) },
    { key: 'time', label: t('volunteers.act.time'), children: timeRange(activity.startsAt, activity.endsAt) },
    { key: 'place', label: t('volunteers.act.place'), children: activity.place },
    { key: 'signed', label: t('volunteers.act.signedUp'), children: `${activity.signedUpCount} / ${activity.capacity}` },
    { key: 'audience', label: t('volunteers.act.audience'), children: label(ACTIVITY_AUDIENCE_LABELS, activity.audience) },
    { key: 'points', label: t('volunteers.act.points'), children: `${activity.points}（${label(POINTS_MODE_LABELS, activity.pointsMode)}）` },
    { key: 'attendance', label: t('volunteers.act.attendance'), children: t('volunteers.act.attendanceValue', { checkedIn: activity.checkedInCount, noShow: activity.noShowCount, hours: hours(activity.totalHours) }) },
    { key: 'status', label: t('volunteers.common.status'), children: <ActivityStatusTag status={activity.status} /> },
    ...(activity.cancelReason ? [{ key: 'cancel', label: t('volunteers.act.cancelReason'), children: `${activity.cancelReason}（${dateTime(activity.cancelledAt)}）` }] : []),
    ...(activity.closedAt ? [{ key: 'closedAt', label: t('volunteers.act.closedAt'), children: dateTime(activity.closedAt) }] : []),
    ...(activity.description ? [{ key: 'description', label: t('volunteers.act.descriptionField'), children: activity.description, span: 2 }] : []),
  ];

  return (
    <>
      <PageHeader
        title={activity.title}
        description={<Link to={PATHS.volActivities}>{t('volunteers.act.backToList')}</Link>}
        extra={
          <Space wrap>
            <Button icon={<QrcodeOutlined />} onClick={() => setQrOpen(true)}>
              {t('volunteers.act.qr')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportRoster()}>
              {t('volunteers.act.exportRoster')}
            </Button>
            {manage && !started && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('volunteers.act.edit')}
              </Button>
            )}
            {manage && ended && (
              <Popconfirm title={t('volunteers.act.closeConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void close()}>
                <Button icon={<CheckCircleOutlined />}>{t('volunteers.act.close')}</Button>
              </Popconfirm>
            )}
            {manage && (
              <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
                {t('volunteers.act.cancel')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} />
      </Card>
      <Card title={t('volunteers.roster.title')} style={{ marginTop: 16 }}>
        <ActivityRoster activityId={activity.id} canAttend={manage} version={version} onChanged={load} />
      </Card>
      <ActivityQrModal open={qrOpen} activityId={activity.id} title={activity.title} onClose={() => setQrOpen(false)} />
      <ActivityFormModal
        open={editing}
        activity={activity}
        onClose={() => setEditing(false)}
        onSaved={(a) => {
          setEditing(false);
          setActivity(a);
          void message.success(t('volunteers.act.saved'));
        }}
      />
      <ReasonModal
        open={cancelling}
        title={t('volunteers.act.cancelTitle')}
        hint={t('volunteers.act.cancelHint')}
        okText={t('volunteers.act.cancel')}
        onClose={() => setCancelling(false)}
        onSubmit={async (reason) => {
          setActivity(await api.post<ActivityDetailDto>(`/api/volunteers/activities/${activity.id}/cancel`, { reason }, { silent: true }));
          setCancelling(false);
          void message.success(t('volunteers.act.cancelled'));
        }}
      />
    </>
  );
}
