/** 整改通知: the rectification notices that low grades brought, overdue ones marked; the company's report and its verification (ratings.manage). */
import { useState } from 'react';
import { App, Button, Card, Space, Table, type TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RECTIFICATION_STATUS_LABELS, RECTIFICATION_STATUSES } from '@xj/contracts/domain';
import type { RectificationDto, RectificationStatus } from '@xj/contracts';
import { usePagedList } from '../../../shared/usePagedList';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { useSession } from '../../session';
import { dateTime, points } from './ratingFormat';
import { GradeTag, RectificationStatusTag } from './RatingTags';
import { RectificationModal, type RectificationAction } from './RectificationModal';
import { useRatingSchemes } from './useRatingSchemes';

type Filters = { status?: RectificationStatus };

export default function RatingRectificationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { options } = useEnumLabels();
  const list = usePagedList<RectificationDto, Filters>('/api/property-ratings/rectifications', {});
  const { grade } = useRatingSchemes();
  const tableBox = useTableScrollRegion(t('ratings.rect.tableRegion'), list.rows);
  const [target, setTarget] = useState<{ rectification: RectificationDto; action: RectificationAction } | null>(null);
  const manage = can('ratings.manage');

  const columns: TableProps<RectificationDto>['columns'] = [
    { title: t('ratings.periods.name'), dataIndex: 'periodName', width: 120 },
    { title: t('ratings.detail.compound'), dataIndex: 'compoundName', width: 120 },
    { title: t('ratings.detail.company'), dataIndex: 'companyName', width: 160 },
    {
      title: t('ratings.detail.grade'),
      dataIndex: 'grade',
      width: 180,
      render: (g: string) => <GradeTag grade={grade(g)} code={g} />,
    },
    { title: t('ratings.detail.total'), dataIndex: 'total', width: 70, align: 'right', render: points },
    {
      title: t('ratings.rect.deadline'),
      dataIndex: 'deadline',
      width: 150,
      render: (d: string, r) => (
        <>
          {d} {r.overdue && <ToneTag tone="red">{t('ratings.rect.overdue')}</ToneTag>}
        </>
      ),
    },
    { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: RectificationStatus) => <RectificationStatusTag status={s} /> },
    { title: t('ratings.rect.report'), dataIndex: 'report', width: 240, render: (v: string | null, r) => (v ? `${v}（${dateTime(r.reportedAt)}）` : '—') },
    { title: t('ratings.rect.verifyNote'), dataIndex: 'verifyNote', width: 200, render: (v: string | null, r) => (v ? `${v}（${r.verifiedByName ?? ''}）` : '—') },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            fixed: 'right' as const,
            render: (_: unknown, r: RectificationDto) =>
              r.status === 'verified' ? null : (
                <Space>
                  {r.status === 'open' && (
                    <Button autoInsertSpace={false} size="small" onClick={() => setTarget({ rectification: r, action: 'report' })} aria-label={t('ratings.rect.reportFor', { compound: r.compoundName })}>
                      {t('ratings.rect.reportAction')}
                    </Button>
                  )}
                  {r.status === 'reported' && (
                    <Button autoInsertSpace={false} size="small" type="primary" onClick={() => setTarget({ rectification: r, action: 'verify' })} aria-label={t('ratings.rect.verifyFor', { compound: r.compoundName })}>
                      {t('ratings.rect.verifyAction')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('nav.ratingRectifications')} description={t('ratings.rect.description')} />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('ratings.common.filters')}>
          <FilterSelect<RectificationStatus>
            label={t('common.status')}
            placeholder={t('ratings.common.allStatuses')}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={options(RECTIFICATION_STATUSES, RECTIFICATION_STATUS_LABELS) as { value: RectificationStatus; label: string }[]}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<RectificationDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1440 }} pagination={list.pagination} />
        </div>
      </Card>
      <RectificationModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(r) => {
          setTarget(null);
          void message.success(r.status === 'verified' ? t('ratings.rect.verified') : t('ratings.rect.reported'));
          list.reload();
        }}
      />
    </>
  );
}
