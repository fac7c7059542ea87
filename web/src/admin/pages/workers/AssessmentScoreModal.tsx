/**
 * Scoring one worker: a whole score 0–100 per indicator; the weighted total and the level it earns
 * are shown as they are typed. The scorer may record a lower level (with a comment), never a higher one.
 */
import { useEffect } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Statistic, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_RESULT_LABELS, WORKER_LIMITS } from '@xj/contracts/domain';
import type { AssessmentResult, AssessmentRoundDto, AssessmentRowDto, AssessmentScoreBody } from '@xj/contracts';
import { request } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { allowedLevels, AssessmentLevelTag, earnedLevel, formatTotal, totalHundredths } from './AssessmentLevels';

interface Values {
  scores: Record<string, number | null>;
  result?: AssessmentResult;
  comment?: string;
}

interface Props {
  round: AssessmentRoundDto;
  row: AssessmentRowDto | null;
  onClose: () => void;
  onSaved: (row: AssessmentRowDto) => void;
}

export function AssessmentScoreModal({ round, row, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();
  const scores = Form.useWatch('scores', form) ?? {};
  const chosen = Form.useWatch('result', form);
  const hundredths = totalHundredths(round.indicators, scores);
  const earned = hundredths === null ? null : earnedLevel(hundredths);
  const lowered = earned !== null && chosen !== undefined && chosen !== earned;

  useEffect(() => {
    if (!row) return;
    setError(null);
    form.resetFields();
    if (row.score) form.setFieldsValue({ scores: { ...row.score.scores }, result: row.score.result, comment: row.score.comment ?? '' });
  }, [row, form, setError]);

  // A level above the earned one is never offered: reset it when the total drops.
  useEffect(() => {
    if (earned && chosen && !allowedLevels(earned).includes(chosen)) form.setFieldValue('result', earned);
  }, [earned, chosen, form]);

  const onOk = () =>
    void submit(async () => {
      if (!row) return;
      const v = await form.validateFields();
      const body: AssessmentScoreBody = {
        scores: Object.fromEntries(round.indicators.map((i) => [i.code, v.scores[i.code] as number])),
        ...(v.result && v.result !== earned ? { result: v.result } : {}),
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      };
      onSaved(await request<AssessmentRowDto>('PUT', `/api/worker-development/rounds/${round.id}/results/${row.worker.id}`, { body, silent: true }));
    });

  return (
    <Modal
      open={row !== null}
      title={row ? t('workerDev.score.title', { name: row.worker.name, round: round.name }) : ''}
      okText={row?.score ? t('workerDev.detail.rescore') : t('workerDev.detail.score')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      width={600}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} requiredMark="optional">
        {round.indicators.map((i) => (
          <Form.Item
            key={i.code}
            name={['scores', i.code]}
            label={t('workerDev.score.indicator', { name: i.name, weight: i.weight })}
            rules={[{ required: true, message: t('workerDev.score.required', { name: i.name }) }]}
          >
            <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} suffix={t('workerDev.score.points')} />
          </Form.Item>
        ))}
        <div role="status" aria-live="polite" style={{ marginBottom: 16 }}>
          <Space size="large" align="center">
            <Statistic title={t('workerDev.detail.total')} value={hundredths === null ? t('workerDev.score.pending') : formatTotal(hundredths)} />
            {earned && (
              <span>
                {t('workerDev.score.earned')} <AssessmentLevelTag level={earned} />
              </span>
            )}
          </Space>
        </div>
        <Form.Item name="result" label={t('workerDev.score.result')} extra={t('workerDev.score.resultHint')}>
          <Select
            disabled={!earned}
            placeholder={t('workerDev.score.resultPlaceholder')}
            options={earned ? options(allowedLevels(earned), ASSESSMENT_RESULT_LABELS) : []}
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('workerDev.detail.comment')} rules={lowered ? [{ required: true, whitespace: true, message: t('workerDev.score.commentRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={WORKER_LIMITS.commentMax} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
