/** 考核周期: the periods with a compound in the caller's scope, their grade counts, and 开启考核 (ratings.manage). */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Space, Table, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RATING_PERIOD_KIND_LABELS, RATING_PERIOD_STATUS_LABELS, RATING_PERIOD_STATUSES } from '@xj/contracts/domain';
import type { RatingPeriodKind, RatingPeriodStatus, RatingPeriodSummaryDto } from '@xj/contracts';
import { usePagedList } from '../../../shared/usePagedList';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { ratingPeriodPath } from '../../routes';
import { useSession } from '../../session';
import { PeriodOpenModal } from './PeriodOpenModal';
import { GradeTag, PeriodStatusTag } from './RatingTags';
import { useRatingSchemes } from './useRatingSchemes';

type Filters = { status?: RatingPeriodStatus; year?: number };

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

export default function RatingPeriodsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { label, options } = useEnumLabels();
  const list = usePagedList<RatingPeriodSummaryDto, Filters>('/api/property-ratings/periods', {});
  const { schemes } = useRatingSchemes();
  const tableBox = useTableScrollRegion(t('ratings.periods.tableRegion'), list.rows);
  const [opening, setOpening] = useState(false);

  const gradeTags = (p: RatingPeriodSummaryDto) => {
    const grades = schemes?.find((s) => s.id === p.schemeId)?.grades ?? [];
    const known = grades.filter((g) => (p.grades[g.code] ?? 0) > 0);
    const unknown = Object.keys(p.grades).filter((c) => !grades.some((g) => g.code === c) && (p.grades[c] ?? 0) > 0);
    if (known.length + unknown.length === 0) return '—';
    return (
      <Space size={[0, 4]} wrap>
        {known.map((g) => (
          <GradeTag key={g.code} grade={g} count={p.grades[g.code]} />
        ))}
        {unknown.map((c) => (
          <GradeTag key={c} grade={undefined} code={c} count={p.grades[c]} />
        ))}
      </Space>
    );
  };

  const columns: TableProps<RatingPeriodSummaryDto>['columns'] = [
    {
      title: t('ratings.periods.name'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <Link to={ratingPeriodPath(p.id)} aria-label={t('ratings.periods.viewFor', { name, node: p.nodeName })}>
          {name}
        </Link>
      ),
    },
    { title: t('ratings.periods.node'), dataIndex: 'nodeName', width: 130 },
    { title: t('ratings.periods.kind'), dataIndex: 'kind', width: 70, render: (k: RatingPeriodKind) => label(RATING_PERIOD_KIND_LABELS, k) },
    { title: t('ratings.periods.dates'), key: 'dates', width: 190, render: (_: unknown, p) => `${p.startsOn} ~ ${p.endsOn}` },
    { title: t('ratings.periods.deadline'), dataIndex: 'deadline', width: 100 },
    { title: t('common.status'), dataIndex: 'status', width: 80, render: (s: RatingPeriodStatus) => <PeriodStatusTag status={s} /> },
    { title: t('ratings.periods.published'), key: 'published', width: 90, align: 'right', render: (_: unknown, p) => `${p.published} / ${p.compounds}` },
    { title: t('ratings.periods.grades'), key: 'grades', width: 300, render: (_: unknown, p) => gradeTags(p) },
    { title: t('ratings.scheme.version'), dataIndex: 'schemeVersion', width: 80, render: (v: number) => t('ratings.scheme.versionValue', { version: v }) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.ratingPeriods')}
        description={t('ratings.periods.description')}
        extra={
          can('ratings.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t('ratings.open.button')}
            </Button>
          )
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('ratings.common.filters')}>
          <FilterSelect<RatingPeriodStatus>
            label={t('common.status')}
            placeholder={t('ratings.common.allStatuses')}
            value={list.filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={options(RATING_PERIOD_STATUSES, RATING_PERIOD_STATUS_LABELS) as { value: RatingPeriodStatus; label: string }[]}
          />
          <FilterSelect<number>
            label={t('ratings.periods.year')}
            placeholder={t('ratings.periods.allYears')}
            value={list.filters.year}
            onChange={(year) => list.setFilters({ year })}
            options={YEARS.map((y) => ({ value: y, label: t('ratings.periods.yearValue', { year: y }) }))}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<RatingPeriodSummaryDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1180 }} pagination={list.pagination} />
        </div>
      </Card>
      <PeriodOpenModal
        open={opening}
        onClose={() => setOpening(false)}
        onSaved={(p) => {
          setOpening(false);
          void message.success(t('ratings.open.done', { name: p.name, n: p.ratings.length }));
          void navigate(ratingPeriodPath(p.id));
        }}
      />
    </>
  );
}
