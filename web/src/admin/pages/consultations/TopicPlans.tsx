/** A topic's plan options (with costs; the chosen one marked) and its tasks with progress bars. */
import { Button, Progress, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TopicDetailDto, TopicTaskDto } from '@xj/contracts';
import { ToneTag } from '../../components/ToneTag';

export function TopicOptions({ topic }: { topic: TopicDetailDto }) {
  const { t, i18n } = useTranslation();
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
        </li>
      ))}
    </ul>
  );
}

interface TasksProps {
  topic: TopicDetailDto;
  canUpdate: boolean;
  onUpdate: (task: TopicTaskDto) => void;
}

export function TopicTasks({ topic, canUpdate, onUpdate }: TasksProps) {
  const { t } = useTranslation();
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
  ];
  if (canUpdate) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => onUpdate(r)} aria-label={t('consult.action.updateFor', { title: r.title })}>
          {t('consult.action.taskUpdate')}
        </Button>
      ),
    });
  }
  return <Table<TopicTaskDto> rowKey="id" size="small" columns={columns} dataSource={topic.tasks} pagination={false} scroll={{ x: 560 }} />;
}
