/**
 * 我的工单, phone first: the commissioner's open tickets as cards, the earliest deadline
 * (so every overdue one) first; a tap opens the ticket and its next step.
 */
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Empty, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@xj/contracts/domain';
import type { TicketDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { PATHS, ticketPath } from '../../routes';
import { OverdueTag, TicketDeadline, TicketPriorityTag, TicketStatusTag } from './TicketTags';
import './tickets.css';

export default function MyTicketsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [tickets, setTickets] = useState<TicketDto[] | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async (signal?: AbortSignal) => {
    setLoading(true);
    try {
      const r = await api.get<{ data: TicketDto[] }>('/api/tickets', {
        query: { mine: 'true', open: 'true', sort: 'deadline', pageSize: LIMITS.pageSizeMax },
        signal,
      });
      setTickets(r.data);
    } catch {
      // shown by the API wrapper (or aborted)
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const overdue = tickets?.filter((x) => x.overdue).length ?? 0;

  return (
    <>
      <PageHeader
        title={t('tickets.my.title')}
        description={tickets ? `${t('tickets.my.description')}（${t('tickets.my.count', { count: tickets.length, overdue })}）` : t('tickets.my.description')}
        extra={
          <Button size="large" icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>
            {t('common.refresh')}
          </Button>
        }
      />
      {!tickets ? (
        <Skeleton active />
      ) : tickets.length === 0 ? (
        <Empty description={t('tickets.my.empty')} />
      ) : (
        <ul className="my-tickets" aria-label={t('tickets.my.title')}>
          {tickets.map((x) => (
            <li key={x.id}>
              <button
                type="button"
                className={`my-ticket-card${x.overdue ? ' is-overdue' : ''}`}
                onClick={() => void navigate(ticketPath(x.id), { state: { from: PATHS.myTickets } })}
              >
                <span className="my-ticket-card-head">
                  <span className="tag-list">
                    <TicketStatusTag status={x.status} />
                    {x.overdue && <OverdueTag />}
                    {x.priority !== 'normal' && <TicketPriorityTag priority={x.priority} />}
                  </span>
                  <TicketDeadline ticket={x} plain />
                </span>
                <span className="my-ticket-card-title">{x.description}</span>
                <span className="my-ticket-card-meta">
                  <span className="ticket-code">{x.code}</span>
                  <span>{x.category.name}</span>
                  <span>{x.nodeName === x.communityName ? x.nodeName : `${x.communityName} / ${x.nodeName}`}</span>
                  {x.address && <span>{x.address}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
