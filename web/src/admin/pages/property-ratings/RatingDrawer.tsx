/**
 * One compound's rating in a period: total and grade (live while the period is open, frozen once
 * closed), the breakdown per source with the missing-source rule, the scorecards, the evidence,
 * the rectification notice, and publishing (canPublish).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Popconfirm, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PropertyRatingDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { ToneTag } from '../../components/ToneTag';
import { PATHS } from '../../routes';
import { DrawerRegion } from './DrawerRegion';
import { dateTime, points } from './ratingFormat';
import { RatingBreakdown } from './RatingBreakdown';
import { RatingEvidence } from './RatingEvidence';
import { RatingScorecards } from './RatingScorecards';
import { GradeTag, RatingStatusTag, RectificationStatusTag } from './RatingTags';

interface Props {
  ratingId: number | null;
  onClose: () => void;
  /** After publishing: the period reloads. */
  onChanged: () => void;
}

export function RatingDrawer({ ratingId, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rating, setRating] = useState<PropertyRatingDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);

  const load = useCallback(() => {
    if (ratingId === null) return;
    setError(null);
    api
      .get<PropertyRatingDto>(`/api/property-ratings/ratings/${ratingId}`, { silent: true })
      .then(setRating)
      .catch((e: unknown) => setError(isApiError(e) ? e.message : t('errors.generic')));
  }, [ratingId, t]);

  useEffect(() => {
    setRating(null);
    load();
  }, [load]);

  const publish = async () => {
    if (!rating) return;
    setPublishing(true);
    try {
      setRating(await api.post<PropertyRatingDto>(`/api/property-ratings/ratings/${rating.id}/publish`, {}));
      void message.success(t('ratings.detail.publishedOne', { name: rating.compoundName }));
      onChanged();
    } catch {
      // shown by the API wrapper
    } finally {
      setPublishing(false);
    }
  };

  const grade = rating?.scheme.grades.find((g) => g.code === rating.result.grade);
  const live = rating?.status === 'open';

  return (
    <Drawer
      open={ratingId !== null}
      onClose={onClose}
      size={900}
      title={rating ? t('ratings.detail.drawerTitle', { compound: rating.compoundName, period: rating.periodName }) : t('common.loading')}
      destroyOnHidden
      extra={
        rating?.canPublish && (
          <Popconfirm title={t('ratings.detail.publishOneConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void publish()}>
            <Button type="primary" loading={publishing}>
              {t('ratings.detail.publishOne')}
            </Button>
          </Popconfirm>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!error && !rating && <Skeleton active />}
      {rating && (
        <DrawerRegion name={rating.compoundName}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'company', label: t('ratings.detail.company'), children: rating.companyName },
                { key: 'community', label: t('ratings.detail.community'), children: rating.communityName },
                { key: 'status', label: t('common.status'), children: <RatingStatusTag status={rating.status} /> },
                { key: 'deadline', label: t('ratings.periods.deadline'), children: rating.period.deadline },
                ...(rating.publishedAt ? [{ key: 'published', label: t('ratings.detail.publishedAt'), children: dateTime(rating.publishedAt) }] : []),
                ...(rating.contractReviewFlag ? [{ key: 'flag', label: t('ratings.detail.contractReview'), children: <ToneTag tone="red">{t('ratings.detail.contractFlag')}</ToneTag> }] : []),
              ]}
            />
            <Row gutter={16}>
              <Col xs={12} md={8}>
                <Statistic title={live ? t('ratings.detail.liveTotal') : t('ratings.detail.total')} value={points(rating.result.total)} />
              </Col>
              <Col xs={12} md={8}>
                <div className="ant-statistic-title" style={{ marginBottom: 4 }}>
                  {live ? t('ratings.detail.liveGrade') : t('ratings.detail.grade')}
                </div>
                <GradeTag grade={grade} code={rating.result.grade} />
              </Col>
              <Col xs={24} md={8}>
                <Typography.Text type="secondary">
                  {live ? t('ratings.detail.liveNote') : t('ratings.detail.frozenNote', { at: dateTime(rating.result.computedAt) })}
                </Typography.Text>
              </Col>
            </Row>
            {rating.canScore.length > 0 && (
              <Alert type="info" showIcon title={t('ratings.detail.canScore')} action={<Link to={PATHS.ratingScoring}>{t('nav.ratingScoring')}</Link>} />
            )}
            <Card size="small" title={t('ratings.detail.breakdown')}>
              <RatingBreakdown result={rating.result} />
            </Card>
            <Card size="small" title={t('ratings.detail.scorecards')}>
              <RatingScorecards rating={rating} />
            </Card>
            <Card size="small" title={t('ratings.detail.evidence')}>
              <RatingEvidence rating={rating} />
            </Card>
            {rating.rectification && (
              <Card size="small" title={t('ratings.detail.rectification')}>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'status', label: t('common.status'), children: <RectificationStatusTag status={rating.rectification.status} /> },
                    {
                      key: 'deadline',
                      label: t('ratings.rect.deadline'),
                      children: (
                        <>
                          {rating.rectification.deadline} {rating.rectification.overdue && <ToneTag tone="red">{t('ratings.rect.overdue')}</ToneTag>}
                        </>
                      ),
                    },
                    ...(rating.rectification.report ? [{ key: 'report', label: t('ratings.rect.report'), children: rating.rectification.report, span: 2 }] : []),
                    ...(rating.rectification.verifyNote
                      ? [{ key: 'verify', label: t('ratings.rect.verifyNote'), children: `${rating.rectification.verifyNote}（${rating.rectification.verifiedByName ?? ''} ${dateTime(rating.rectification.verifiedAt)}）`, span: 2 }]
                      : []),
                  ]}
                />
              </Card>
            )}
          </Space>
        </DrawerRegion>
      )}
    </Drawer>
  );
}
