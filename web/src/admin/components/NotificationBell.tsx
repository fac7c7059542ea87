/**
 * The header's notification bell: the unread count (polled every minute while the tab is
 * visible, at once when it becomes visible again) and a list with the ticket link and "mark read".
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KIND_LABELS } from '@xj/contracts/domain';
import type { NotificationDto, NotificationList } from '@xj/contracts';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { pick } from '../../shared/labels';
import { ticketPath } from '../routes';
import './NotificationBell.css';

const POLL_MS = 60_000;
const SHOWN = 10;

function useNotifications() {
  const [list, setList] = useState<NotificationList | null>(null);
  const load = useCallback(async () => {
    try {
      setList(await api.get<NotificationList>('/api/notifications', { query: { pageSize: SHOWN }, silent: true }));
    } catch {
      // A missed poll is retried on the next one; the bell keeps its last count.
    }
  }, []);

  useEffect(() => {
    let timer: number | undefined;
    const stop = () => window.clearInterval(timer);
    const start = () => {
      stop();
      void load();
      timer = window.setInterval(() => void load(), POLL_MS);
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? start() : stop());
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [load]);

  return { list, load, setList };
}

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { list, load, setList } = useNotifications();
  const [open, setOpen] = useState(false);
  const [marking, setMarking] = useState<number | null>(null);
  const unread = list?.unread ?? 0;

  const markRead = async (n: NotificationDto) => {
    setMarking(n.id);
    try {
      const read = await api.post<NotificationDto>(`/api/notifications/${n.id}/read`);
      setList((prev) => prev && { ...prev, unread: Math.max(0, prev.unread - (n.readAt ? 0 : 1)), data: prev.data.map((x) => (x.id === read.id ? read : x)) });
    } finally {
      setMarking(null);
    }
  };

  const content = !list ? (
    <Spin size="small" />
  ) : list.data.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
  ) : (
    <ul className="notification-list" aria-label={t('notifications.title')}>
      {list.data.map((n) => (
        <li key={n.id} className={n.readAt ? 'notification-item' : 'notification-item is-unread'}>
          <Typography.Text strong={!n.readAt}>
            {!n.readAt && <span className="sr-only">{t('notifications.unread')}：</span>}
            {pick(NOTIFICATION_KIND_LABELS[n.kind], i18n.language, n.kind)}
          </Typography.Text>
          <div className="notification-message">{n.message}</div>
          <div className="notification-meta">
            <span>{formatDateTime(n.createdAt)}</span>
            {n.ticketId !== null && (
              <Link to={ticketPath(n.ticketId)} onClick={() => setOpen(false)} aria-label={t('notifications.viewTicket', { code: n.ticketCode ?? '' })}>
                <span className="ticket-code">{n.ticketCode}</span>
              </Link>
            )}
            {!n.readAt && (
              <Button size="small" type="link" loading={marking === n.id} onClick={() => void markRead(n)}>
                {t('notifications.markRead')}
              </Button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={<div className="notification-panel">{content}</div>}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
    >
      <Button type="text" className="header-icon-button notification-bell" aria-label={t('notifications.label', { count: unread })} aria-haspopup="dialog" aria-expanded={open}>
        <Badge count={unread} size="small" overflowCount={99} aria-hidden>
          <BellOutlined />
        </Badge>
      </Button>
    </Popover>
  );
}
