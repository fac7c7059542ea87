/**
 * 工单列表: every ticket in the caller's scope, server-side paginated, overdue rows
 * highlighted, filters, bulk export (reporter phones always masked) and reporting by hand.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Checkbox, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { TICKET_SOURCES, TICKET_STATUSES } from '@xj/contracts/domain';
import type { TicketDto, TicketSource, TicketStatus } from '@xj/contracts';
import { usePagedList } from '../../../shared/usePagedList';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect } from '../../components/FilterSelect';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { FilterSearch } from '../../components/FilterSearch';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { ticketPath } from '../../routes';
import { useSession } from '../../session';
import { TicketReportModal } from './TicketReportModal';
import { OverdueTag, TicketDeadline, TicketPriorityTag, TicketStatusTag } from './TicketTags';
import { useTicketLabels } from './ticketLabels';
import { useTicketCategories } from './useTicketCategories';
import './tickets.css';

type TicketFilters = {
  q?: string;
  status?: TicketStatus;
  categoryId?: number;
  nodeId?: number;
  source?: TicketSource;
  overdue?: 'true';
  mine?: 'true';
  /** The triage queue: hotline tickets a manager must route to a community. */
  triage?: 'true';
};

export default function TicketsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const labels = useTicketLabels();
  const categories = useTicketCategories();
  const list = usePagedList<TicketDto, TicketFilters>('/api/tickets', {});
  const [reporting, setReporting] = useState(false);
  const tableBox = useTableScrollRegion(t('tickets.title'), list.rows);


  const columns: TableProps<TicketDto>['columns'] = [
    {
      title: t('tickets.code'),
      dataIndex: 'code',
      width: 140,
      render: (code: string, r) => (
        <Link to={ticketPath(r.id)} className="ticket-code" aria-label={t('tickets.viewFor', { code })}>
          {code}
        </Link>
      ),
    },
    {
      title: t('tickets.status'),
      dataIndex: 'status',
      width: 140,
      render: (s: TicketStatus, r) => (
        <div className="tag-list">
          <TicketStatusTag status={s} />
          {r.overdue && <OverdueTag />}
          {r.triage && <Tag className="ticket-triage-tag">{t('ticketRoute.triageTag')}</Tag>}
        </div>
      ),
    },
    { title: t('tickets.category'), dataIndex: ['category', 'name'], width: 100 },
    {
      title: t('tickets.descriptionLabel'),
      dataIndex: 'description',
      render: (d: string) => <span className="ticket-description-cell">{d}</span>,
    },
    {
      title: t('tickets.node'),
      dataIndex: 'nodeName',
      width: 160,
      render: (name: string, r) => (name === r.communityName ? name : `${r.communityName} / ${name}`),
    },
    { title: t('tickets.owner'), dataIndex: 'owner', width: 100, render: (o: TicketDto['owner']) => o?.name ?? <Typography.Text type="secondary">{t('tickets.noOwner')}</Typography.Text> },
    { title: t('tickets.priority'), dataIndex: 'priority', width: 80, render: (p: TicketDto['priority']) => <TicketPriorityTag priority={p} /> },
    { title: t('tickets.deadline'), dataIndex: 'deadline', width: 140, render: (_: string, r) => <TicketDeadline ticket={r} /> },
    { title: t('tickets.source'), dataIndex: 'source', width: 100, render: (s: TicketSource) => labels.source(s) },
    { title: t('tickets.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  ];

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        description={t('tickets.description')}
        extra={
          <Space wrap>
            <Tooltip title={t('tickets.exportHint')}>
              <span>
                <ExportButton path="/api/tickets/export" filters={list.filters} fallbackName="tickets.xlsx" canUnmask={false} />
              </span>
            </Tooltip>
            {can('tickets.report') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)}>
                {t('tickets.report')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('tickets.filters')}>
          <FilterSearch label={t('tickets.search')} placeholder={t('tickets.searchPlaceholder')} onSearch={(q) => list.setFilters({ q })} />
          <FilterSelect<TicketStatus>
            label={t('tickets.status')}
            placeholder={t('tickets.allStatuses')}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={TICKET_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          />
          <FilterSelect<number>
            label={t('tickets.category')}
            placeholder={t('tickets.allCategories')}
            value={list.filters.categoryId}
            onChange={(categoryId) => list.setFilters({ categoryId })}
            options={categories.map((c) => ({ value: c.id, label: c.name }))}
          />
          <NodeTreeSelect
            className="filter-node"
            aria-label={t('tickets.node')}
            placeholder={t('tickets.allNodes')}
            value={list.filters.nodeId}
            onChange={(nodeId) => list.setFilters({ nodeId })}
          />
          <FilterSelect<TicketSource>
            label={t('tickets.source')}
            placeholder={t('tickets.allSources')}
            value={list.filters.source}
            onChange={(source) => list.setFilters({ source })}
            options={TICKET_SOURCES.map((s) => ({ value: s, label: labels.source(s) }))}
          />
          <Checkbox checked={list.filters.overdue === 'true'} onChange={(e) => list.setFilters({ overdue: e.target.checked ? 'true' : undefined })}>
            {t('tickets.overdueOnly')}
          </Checkbox>
          {can('tickets.manage') && (
            <Checkbox checked={list.filters.triage === 'true'} onChange={(e) => list.setFilters({ triage: e.target.checked ? 'true' : undefined })}>
              {t('ticketRoute.triageOnly')}
            </Checkbox>
          )}
          {can('tickets.handle') && (
            <Checkbox checked={list.filters.mine === 'true'} onChange={(e) => list.setFilters({ mine: e.target.checked ? 'true' : undefined })}>
              {t('tickets.mineOnly')}
            </Checkbox>
          )}
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<TicketDto>
            rowKey="id"
            columns={columns}
            dataSource={list.rows}
            loading={list.loading}
            scroll={{ x: 1180 }}
            pagination={list.pagination}
            rowClassName={(r) => (r.overdue ? 'ticket-row-overdue' : '')}
          />
        </div>
      </Card>
      <TicketReportModal
        open={reporting}
        categories={categories}
        onClose={() => setReporting(false)}
        onReported={(ticket) => {
          setReporting(false);
          void message.success(
            ticket.owner ? t('tickets.reportedAssigned', { code: ticket.code, name: ticket.owner.name }) : t('tickets.reported', { code: ticket.code }),
          );
          void navigate(ticketPath(ticket.id));
        }}
      />
    </>
  );
}
