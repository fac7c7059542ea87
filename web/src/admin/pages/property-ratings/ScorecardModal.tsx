/**
 * Filling in (or revising) one staff scorecard: a whole score 0–100 per indicator of the period's
 * scheme and an optional comment. The weighted score is shown as it is typed; the server's is the one kept.
 */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATING_LIMITS, RATING_SOURCE_LABELS } from '@xj/contracts/domain';
import type { MyScoringItemDto, PropertyRatingDto, RatingScorecardBody, RatingScorecardDto } from '@xj/contracts';
import { api, isApiError, request } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { cardPreview, points } from './ratingFormat';

interface Values {
  scores: Record<string, number | null>;
  comment?: string;
}

interface Props {
  item: MyScoringItemDto | null;
  onClose: () => void;
  onSaved: (card: RatingScorecardDto) => void;
}

export function ScorecardModal({ item, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();
  const [rating, setRating] = useState<PropertyRatingDto | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const scores = Form.useWatch('scores', form) ?? {};

  useEffect(() => {
    if (!item) return;
    setRating(null);
    setLoadError(null);
    setError(null);
    const controller = new AbortController();
    api
      .get<PropertyRatingDto>(`/api/property-ratings/ratings/${item.ratingId}`, { silent: true, signal: controller.signal })
      .then((r) => {
        setRating(r);
        const mine = r.scorecards.find((c) => c.source === item.source);
        form.resetFields();
        if (mine) form.setFieldsValue({ scores: { ...mine.scores }, comment: mine.comment ?? '' });
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setLoadError(isApiError(e) ? e.message : t('errors.generic'));
      });
    return () => controller.abort();
  }, [item, form, setError, t]);

  const indicators = rating?.scheme.indicators ?? [];
  const preview = cardPreview(indicators, scores);

  const onOk = () =>
    void submit(async () => {
      if (!item) return;
      const v = await form.validateFields();
      const body: RatingScorecardBody = {
        scores: Object.fromEntries(indicators.map((i) => [i.code, v.scores[i.code] as number])),
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      };
      onSaved(await request<RatingScorecardDto>('PUT', `/api/property-ratings/ratings/${item.ratingId}/scorecards/${item.source}`, { body, silent: true }));
    });

  return (
    <Modal
      open={item !== null}
      title={item ? t('ratings.scoring.formTitle', { compound: item.compoundName, source: label(RATING_SOURCE_LABELS, item.source) }) : ''}
      okText={item?.submitted ? t('ratings.scoring.revise') : t('ratings.scoring.submit')}
      okButtonProps={{ disabled: !rating }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {item && (
        <Typography.Paragraph type="secondary">
          {t('ratings.scoring.formHint', { period: item.periodName, company: item.companyName, deadline: item.deadline })}
        </Typography.Paragraph>
      )}
      {loadError && <Alert type="error" showIcon title={loadError} />}
      {!rating && !loadError && <Skeleton active />}
      {rating && (
        <Form<Values> form={form} layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} requiredMark="optional">
          {indicators.map((i) => (
            <Form.Item
              key={i.code}
              name={['scores', i.code]}
              label={t('ratings.scoring.indicatorLabel', { name: i.name, weight: i.weight })}
              rules={[{ required: true, message: t('ratings.scoring.scoreRequired', { name: i.name }) }]}
            >
              <InputNumber min={0} max={100} precision={0} step={1} style={{ width: 140 }} suffix={t('ratings.scoring.pointsUnit')} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('ratings.cards.comment')}>
            <Input.TextArea rows={3} maxLength={RATING_LIMITS.commentMax} showCount />
          </Form.Item>
        </Form>
      )}
      {rating && (
        <div role="status" aria-live="polite">
          <Statistic title={t('ratings.scoring.preview')} value={preview === null ? t('ratings.scoring.previewPending') : points(preview)} />
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
    </Modal>
  );
}
