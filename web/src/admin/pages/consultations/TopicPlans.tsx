/** A topic's plan options (with costs and files; the chosen one marked) and its tasks with progress bars. */
import { Button, Progress, Space, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketStatus, TopicDetailDto, TopicTaskDto } from '@xj/contracts';
import { ToneTag } from '../../components/ToneTag';
import { ticketPath } from '../../routes';
import { STATUS_TONES, useTicketLabels } from '../tickets/ticketLabels';
import { OptionAttachments } from './OptionAttachments';

interface OptionsProps {
  topic: TopicDetailDto;
  /** The user runs topics (consultations.manage): files may be added and removed at 提方案 and 议事项. */
  manage?: boolean;
  onChanged?: (topic: TopicDetailDto) => void;
}

export function TopicOptions({ topic, manage = false, onChanged }: OptionsProps) {
  const { t, i18n } = useTranslation();
  const filesOpen = manage && onChanged !== undefined && topic.status === 'active' && (topic.step === 'propose' || topic.step === 'deliberate');
  if (topic.options.length === 0) return <Typography.Text type="secondary">{t('consult.detail.noOptions')}</Typography.Text>;
  const money = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return (
    <ul className="plain-list" aria-label={t('consult.detail.options')}>
      {topic.options.map((o) => (
        <li key={o.id} className="consult-option" data-testid="topic-option">
          <Typography.Text strong>{o.title}</Typography.Text>{' '}
          {topic.decisionOptionId === o.id && <ToneTag tone="green">{t('consult.detail.chosen')}</ToneTag>}
          <div className="consult-step-meta">
            {t('consult.detail.cost')}：{o.cost === null ? '—' : t('consult.detail.costValue', { cost: money(o.cost) })}
            {o.createdBy && ` · ${t('consult.detail.proposedBy', { name: o.createdBy.name })}`}
          </div>
          {o.description && <p className="consult-text">{o.description}</p>}
          <OptionAttachments topicId={topic.id} option={o} editable={filesOpen} onChanged={(next) => onChanged?.(next)} />
        </li>
      ))}
    </ul>
  );
}

interface TasksProps {
  topic: TopicDetailDto;
  canUpdate: boolean;
  onUpdate: (task: TopicTaskDto) => void;
  /** Hand the task to the ticket module (shown with canUpdate, for tasks without a ticket). */
  onTicket: (task: TopicTaskDto) => void;
}

export function TopicTasks({ topic, canUpdate, onUpdate, onTicket }: TasksProps) {
  const { t } = useTranslation();
  const ticketLabels = useTicketLabels();
  if (topic.tasks.length === 0) return <Typography.Text type="secondary">{t('consult.detail.noTasks')}</Typography.Text>;
  const columns: TableProps<TopicTaskDto>['columns'] = [
    { title: t('consult.detail.taskTitle'), dataIndex: 'title', render: (v: string) => <span className="consult-title-cell">{v}</span> },
    { title: t('consult.detail.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('consult.detail.deadline'), dataIndex: 'deadline', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('consult.detail.progress'),
      dataIndex: 'progress',
      width: 160,
      render: (p: number, r) => <Progress percent={p} size="small" aria-label={`${r.title} ${t('consult.detail.progress')} ${p}%`} />,
    },
    {
      title: t('consult.taskTicket.column'),
      dataIndex: 'ticket',
      width: 170,
      render: (v: TopicTaskDto['ticket']) =>
        v ? (
          <Space size={4} wrap>
            <Link to={ticketPath(v.id)}>{v.code}</Link>
            <ToneTag tone={STATUS_TONES[v.status as TicketStatus] ?? 'grey'}>{ticketLabels.status(v.status as TicketStatus)}</ToneTag>
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  if (canUpdate) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" onClick={() => onUpdate(r)} aria-label={t('consult.action.updateFor', { title: r.title })}>
            {t('consult.action.taskUpdate')}
          </Button>
          {!r.ticket && (
            <Button size="small" onClick={() => onTicket(r)} aria-label={t('consult.action.taskTicketFor', { title: r.title })}>
              {t('consult.action.taskTicket')}
            </Button>
          )}
        </Space>
      ),
    });
  }
  return <Table<TopicTaskDto> rowKey="id" size="small" columns={columns} dataSource={topic.tasks} pagination={false} scroll={{ x: 760 }} />;
}
