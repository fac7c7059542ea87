/**
 * 居民留言 as the console sees them: masked phone, text, step, time, reports with their reasons
 * and status (hidden ones with who, when and why); filter by hidden / reported; 隐藏 with a
 * required reason for consultations.manage.
 */
import { useState } from 'react';
import { App, Button, Segmented, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTICIPATION_LIMITS } from '@xj/contracts/domain';
import type { CommentDto, ConsultationStep } from '@xj/contracts';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { usePagedList } from '../../../shared/usePagedList';
import { ReasonModal } from '../../components/ReasonModal';
import { ToneTag } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useConsultLabels } from './consultationLabels';

type Filter = 'all' | 'visible' | 'hidden' | 'reported';
type CommentFilters = { status?: 'visible' | 'hidden'; reported?: 'true' };
const FILTERS: Record<Filter, CommentFilters> = { all: {}, visible: { status: 'visible' }, hidden: { status: 'hidden' }, reported: { reported: 'true' } };

export function CommentModeration({ topicId, manage, onChanged }: { topicId: number; manage: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useConsultLabels();
  const list = usePagedList<CommentDto, CommentFilters>(`/api/consultations/topics/${topicId}/comments`, {});
  const [filter, setFilter] = useState<Filter>('all');
  const [hiding, setHiding] = useState<CommentDto | null>(null);
  const tableBox = useTableScrollRegion(t('consultParticipation.comment.title'), list.rows);
  const c = (key: 'phone' | 'body' | 'step' | 'time' | 'reports' | 'status' | 'actions') => t(`consultParticipation.comment.${key}`);

  const columns: TableProps<CommentDto>['columns'] = [
    { title: c('phone'), dataIndex: 'authorPhone', width: 120, render: (v: string) => <span className="mono">{v}</span> },
    { title: c('body'), dataIndex: 'body', width: 260, render: (v: string) => <span className="consult-text">{v}</span> },
    { title: c('step'), dataIndex: 'step', width: 90, render: (s: ConsultationStep | null) => (s ? labels.step(s) : '—') },
    { title: c('time'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: c('reports'),
      dataIndex: 'reports',
      width: 140,
      render: (n: number, r) =>
        n === 0 ? (
          '0'
        ) : (
          <div>
            <ToneTag tone="orange">{t('consultParticipation.comment.reportsN', { n })}</ToneTag>
            <Typography.Text type="secondary" className="consult-text">
              {r.reportReasons.join('；')}
            </Typography.Text>
          </div>
        ),
    },
    {
      title: c('status'),
      dataIndex: 'status',
      width: 180,
      render: (s: CommentDto['status'], r) =>
        s === 'visible' ? (
          <ToneTag tone="green">{t('consultParticipation.comment.visible')}</ToneTag>
        ) : (
          <div>
            <ToneTag tone="grey">{t('consultParticipation.comment.hidden')}</ToneTag>
            <Typography.Text type="secondary" className="consult-text">
              {t('consultParticipation.comment.hiddenBy', { name: r.hiddenByName ?? '', at: formatDateTime(r.hiddenAt), reason: r.hiddenReason ?? '' })}
            </Typography.Text>
          </div>
        ),
    },
    ...(manage
      ? [
          {
            title: c('actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: CommentDto) =>
              r.status === 'visible' && (
                <Button size="small" danger onClick={() => setHiding(r)}>
                  {t('consultParticipation.comment.hide')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="topic-comments">
      <div className="consult-participation-head">
        <Typography.Title level={3} className="consult-participation-title">
          {t('consultParticipation.comment.title')}
        </Typography.Title>
        <Segmented<Filter>
          aria-label={t('consultParticipation.comment.filter')}
          value={filter}
          onChange={(f) => {
            setFilter(f);
            list.setFilters({ status: undefined, reported: undefined, ...FILTERS[f] });
          }}
          options={(['all', 'visible', 'hidden', 'reported'] as const).map((f) => ({
            value: f,
            label: t(`consultParticipation.comment.${f === 'all' ? 'all' : f === 'visible' ? 'visibleOnly' : f === 'hidden' ? 'hiddenOnly' : 'reportedOnly'}`),
          }))}
        />
      </div>
      <div ref={tableBox}>
        <Table<CommentDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          scroll={{ x: 1020 }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('consultParticipation.comment.empty')}</Typography.Text> }}
          pagination={{ ...list.pagination, pageSizeOptions: [10, 20, PARTICIPATION_LIMITS.commentsPageMax] }}
        />
      </div>
      <ReasonModal
        open={hiding !== null}
        title={t('consultParticipation.comment.hideTitle')}
        hint={t('consultParticipation.comment.hideHint')}
        okText={t('consultParticipation.comment.hide')}
        onClose={() => setHiding(null)}
        onSubmit={async (reason) => {
          await api.post(`/api/consultations/comments/${hiding!.id}/hide`, { reason }, { silent: true });
          setHiding(null);
          void message.success(t('consultParticipation.comment.hiddenDone'));
          list.reload();
          onChanged();
        }}
      />
    </div>
  );
}
