/** 我的评分: the open ratings the caller scores (the branch of their compound, or the community as regulator), and the scorecard form. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Table, type TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RATING_SOURCE_LABELS } from '@xj/contracts/domain';
import type { MyScoringItemDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { daysUntil, points } from './ratingFormat';
import { ScorecardModal } from './ScorecardModal';

export default function RatingScoringPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [rows, setRows] = useState<MyScoringItemDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<MyScoringItemDto | null>(null);
  const tableBox = useTableScrollRegion(t('ratings.scoring.tableRegion'), rows);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ data: MyScoringItemDto[] }>('/api/property-ratings/scoring')
      .then((r) => setRows(r.data))
      .catch(() => undefined)
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  const deadline = (d: string) => {
    const days = daysUntil(d);
    return (
      <>
        {d} {days < 0 ? <ToneTag tone="grey">{t('ratings.scoring.passed')}</ToneTag> : days <= 3 ? <ToneTag tone="red">{t('ratings.scoring.daysLeft', { n: days })}</ToneTag> : null}
      </>
    );
  };

  const columns: TableProps<MyScoringItemDto>['columns'] = [
    { title: t('ratings.periods.name'), dataIndex: 'periodName', width: 150 },
    { title: t('ratings.detail.compound'), dataIndex: 'compoundName', width: 150 },
    { title: t('ratings.detail.company'), dataIndex: 'companyName', width: 180 },
    { title: t('ratings.scoring.as'), dataIndex: 'source', width: 150, render: (s: MyScoringItemDto['source']) => label(RATING_SOURCE_LABELS, s) },
    { title: t('ratings.periods.deadline'), dataIndex: 'deadline', width: 170, render: deadline },
    {
      title: t('common.status'),
      dataIndex: 'submitted',
      width: 150,
      render: (submitted: boolean, r) =>
        submitted ? <ToneTag tone="green">{t('ratings.scoring.submittedScore', { score: points(r.score) })}</ToneTag> : <ToneTag tone="orange">{t('ratings.scoring.pending')}</ToneTag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button autoInsertSpace={false}
          type={r.submitted ? 'default' : 'primary'}
          size="small"
          disabled={daysUntil(r.deadline) < 0}
          onClick={() => setEditing(r)}
          aria-label={t(r.submitted ? 'ratings.scoring.reviseFor' : 'ratings.scoring.scoreFor', { compound: r.compoundName, period: r.periodName })}
        >
          {r.submitted ? t('ratings.scoring.revise') : t('ratings.scoring.score')}
        </Button>
      ),
    },
  ];

  const pending = rows.filter((r) => !r.submitted).length;

  return (
    <>
      <PageHeader title={t('nav.ratingScoring')} description={t('ratings.scoring.description', { pending })} />
      <Card>
        <div className="filter-bar">
          <Button icon={<ReloadOutlined />} onClick={load}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<MyScoringItemDto>
            rowKey={(r) => `${r.ratingId}-${r.source}`}
            columns={columns}
            dataSource={rows}
            loading={loading}
            scroll={{ x: 1100 }}
            pagination={false}
            locale={{ emptyText: t('ratings.scoring.empty') }}
          />
        </div>
      </Card>
      <ScorecardModal
        item={editing}
        onClose={() => setEditing(null)}
        onSaved={(card) => {
          setEditing(null);
          void message.success(t('ratings.scoring.saved', { score: points(card.score) }));
          load();
        }}
      />
    </>
  );
}
