/**
 * One assessment period: its facts, each compound's progress per source (totals once closed),
 * closing (freezes totals and grades), reminders, publishing, the results export, the grade
 * distribution, and a compound's full rating in a drawer.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Skeleton, Space, Table, type TableProps } from 'antd';
import { BellOutlined, CheckCircleOutlined, DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RATING_PERIOD_KIND_LABELS, RATING_SOURCE_LABELS, STAFF_RATING_SOURCES } from '@xj/contracts/domain';
import type { PropertyRatingSummaryDto, RatingPeriodDto, RatingPublishResult, RatingRemindResult, RatingSource } from '@xj/contracts';
import { api, download, isApiError } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS } from '../../routes';
import { useSession } from '../../session';
import { GradeDistribution } from './GradeDistribution';
import { dateTime, points } from './ratingFormat';
import { RatingDrawer } from './RatingDrawer';
import { GradeTag, PeriodStatusTag, RatingStatusTag } from './RatingTags';
import { SourceProgress } from './SourceProgress';

const isStaff = (s: RatingSource) => (STAFF_RATING_SOURCES as readonly string[]).includes(s);

export default function RatingPeriodDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const periodId = Number(id);
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [period, setPeriod] = useState<RatingPeriodDto | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [busy, setBusy] = useState<'close' | 'remind' | 'publish' | 'export' | null>(null);
  const [openRating, setOpenRating] = useState<number | null>(null);
  const tableBox = useTableScrollRegion(t('ratings.detail.tableRegion'), period?.ratings);

  const load = useCallback(() => {
    api
      .get<RatingPeriodDto>(`/api/property-ratings/periods/${periodId}`, { silent: true })
      .then(setPeriod)
      .catch((e: unknown) => setMissing(isApiError(e) ? e.message : t('errors.generic')));
  }, [periodId, t]);
  useEffect(load, [load]);

  if (missing) return <Alert type="error" showIcon title={missing} action={<Link to={PATHS.ratingPeriods}>{t('ratings.detail.backToList')}</Link>} />;
  if (!period) return <Skeleton active />;

  const open = period.status === 'open';
  const manage = can('ratings.manage');
  const toPublish = period.ratings.filter((r) => r.status === 'closed').length;

  const run = async (kind: 'close' | 'remind' | 'publish' | 'export', action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } catch {
      // shown by the API wrapper
    } finally {
      setBusy(null);
    }
  };

  const close = () =>
    run('close', async () => {
      setPeriod(await api.post<RatingPeriodDto>(`/api/property-ratings/periods/${period.id}/close`, {}));
      void message.success(t('ratings.detail.closed'));
    });
  const remind = () =>
    run('remind', async () => {
      const r = await api.post<RatingRemindResult>(`/api/property-ratings/periods/${period.id}/remind`, {});
      void message.success(t('ratings.detail.reminded', { notifications: r.notifications, missing: r.missing }));
    });
  const publish = () =>
    run('publish', async () => {
      const r = await api.post<RatingPublishResult>(`/api/property-ratings/periods/${period.id}/publish`, {});
      void message.success(t('ratings.detail.publishedAll', { published: r.published, rectifications: r.rectifications, flagged: r.flagged }));
      load();
    });
  const exportResults = () => run('export', () => download(`/api/property-ratings/periods/${period.id}/results.xlsx`, `rating-period-${period.id}.xlsx`));

  const gradeOf = (code: string | null) => period.scheme.grades.find((g) => g.code === code);

  const columns: TableProps<PropertyRatingSummaryDto>['columns'] = [
    {
      title: t('ratings.detail.compound'),
      dataIndex: 'compoundName',
      fixed: 'left',
      width: 150,
      render: (name: string, r) => (
        <Button autoInsertSpace={false} type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenRating(r.id)} aria-label={t('ratings.detail.viewRating', { name })}>
          {name}
        </Button>
      ),
    },
    { title: t('ratings.detail.company'), dataIndex: 'companyName', width: 160 },
    ...period.scheme.sources.map((s) => ({
      title: `${label(RATING_SOURCE_LABELS, s.source)}（${s.weight}%）`,
      key: s.source,
      width: 110,
      render: (_: unknown, r: PropertyRatingSummaryDto) => <SourceProgress progress={r.progress.find((p) => p.source === s.source)} staff={isStaff(s.source)} />,
    })),
    {
      title: t('ratings.detail.contractReview'),
      dataIndex: 'contractReviewFlag',
      width: 130,
      render: (flag: boolean) => (flag ? <ToneTag tone="red">{t('ratings.detail.contractFlag')}</ToneTag> : '—'),
    },
    { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: PropertyRatingSummaryDto['status']) => <RatingStatusTag status={s} /> },
    { title: t('ratings.detail.total'), dataIndex: 'total', width: 80, align: 'right', fixed: 'right', render: (v: number | null, r) => (r.status === 'open' ? '—' : points(v)) },
    { title: t('ratings.detail.grade'), dataIndex: 'grade', width: 160, fixed: 'right', render: (g: string | null, r) => (r.status === 'open' ? '—' : <GradeTag grade={gradeOf(g)} code={g} />) },
  ];

  return (
    <>
      <PageHeader
        title={period.name}
        description={<Link to={PATHS.ratingPeriods}>{t('ratings.detail.backToList')}</Link>}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={() => void exportResults()}>
              {t('ratings.detail.export')}
            </Button>
            {manage && open && (
              <Button icon={<BellOutlined />} loading={busy === 'remind'} onClick={() => void remind()}>
                {t('ratings.detail.remind')}
              </Button>
            )}
            {manage && open && (
              <Popconfirm title={t('ratings.detail.closeConfirm')} description={t('ratings.detail.closeHint')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void close()}>
                <Button icon={<CheckCircleOutlined />} loading={busy === 'close'}>
                  {t('ratings.detail.close')}
                </Button>
              </Popconfirm>
            )}
            {can('ratings.publish') && toPublish > 0 && (
              <Popconfirm title={t('ratings.detail.publishConfirm', { n: toPublish })} description={t('ratings.detail.publishHint')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void publish()}>
                <Button type="primary" icon={<SendOutlined />} loading={busy === 'publish'}>
                  {t('ratings.detail.publish', { n: toPublish })}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('ratings.detail.facts')} style={{ height: '100%' }}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              styles={{ label: { whiteSpace: 'nowrap' } }}
              items={[
                { key: 'node', label: t('ratings.periods.node'), children: period.nodeName },
                { key: 'kind', label: t('ratings.periods.kind'), children: label(RATING_PERIOD_KIND_LABELS, period.kind) },
                { key: 'dates', label: t('ratings.periods.dates'), children: `${period.startsOn} ~ ${period.endsOn}` },
                { key: 'deadline', label: t('ratings.periods.deadline'), children: period.deadline },
                { key: 'status', label: t('common.status'), children: <PeriodStatusTag status={period.status} /> },
                {
                  key: 'scheme',
                  label: t('ratings.scheme.version'),
                  children: <Link to={PATHS.ratingSchemes}>{`${period.scheme.name}（${t('ratings.scheme.versionValue', { version: period.schemeVersion })}）`}</Link>,
                },
                { key: 'published', label: t('ratings.periods.published'), children: `${period.published} / ${period.compounds}` },
                { key: 'opened', label: t('ratings.detail.openedAt'), children: dateTime(period.openedAt) },
                ...(period.closedAt ? [{ key: 'closed', label: t('ratings.detail.closedAt'), children: dateTime(period.closedAt) }] : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('ratings.detail.distribution')} style={{ height: '100%' }}>
            <GradeDistribution grades={period.scheme.grades} counts={period.grades} />
          </Card>
        </Col>
      </Row>
      <Card title={t('ratings.detail.compounds')} style={{ marginTop: 16 }}>
        {open && <Alert type="info" showIcon title={t('ratings.detail.openNote')} style={{ marginBottom: 12 }} />}
        <div ref={tableBox}>
          <Table<PropertyRatingSummaryDto> rowKey="id" columns={columns} dataSource={period.ratings} scroll={{ x: 1350 }} pagination={period.ratings.length > 20 ? { pageSize: 20 } : false} />
        </div>
      </Card>
      <RatingDrawer ratingId={openRating} onClose={() => setOpenRating(null)} onChanged={load} />
    </>
  );
}
