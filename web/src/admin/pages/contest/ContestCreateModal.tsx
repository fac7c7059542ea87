/** The county creates a month's contest: weights (live total), questions per level, time limit, test window and the judges. */
import { useEffect, useRef, useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONTEST_LIMITS, CONTEST_PARTS, type ContestDetailDto, type JudgeCandidateListDto, type QuestionListDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';

interface Values {
  month: Dayjs;
  title: string;
  weights: { report: number | null; visit: number | null; test: number | null };
  perLevel: number;
  timeLimitMinutes: number;
  window: [Dayjs, Dayjs];
  judgeIds: number[];
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (c: ContestDetailDto) => void;
}

export function ContestCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [judges, setJudges] = useState<JudgeCandidateListDto['data']>([]);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const weights = Form.useWatch('weights', form);
  const sum = CONTEST_PARTS.reduce((s, p) => s + (weights?.[p] ?? 0), 0);
  const defaultTitle = (m: Dayjs) => t('contest.create.defaultTitle', { year: m.year(), month: m.month() + 1 });

  useEffect(() => {
    if (!open) return;
    setError(null);
    autoTitle.current = defaultTitle(next);
    api.get<JudgeCandidateListDto>('/api/secretary-contests/judge-candidates').then((r) => setJudges(r.data)).catch(() => setJudges([]));
    api.get<QuestionListDto>('/api/secretary-contests/questions').then((r) => setCounts(r.counts)).catch(() => setCounts({}));
  }, [open]);

  const next = dayjs().add(1, 'month').startOf('month');
  /** The title last filled in from the month: replaced when the month changes, unless the user typed their own. */
  const autoTitle = useRef(defaultTitle(next));
  const onMonth = (m: Dayjs | null) => {
    const title = form.getFieldValue('title') as string | undefined;
    if (!m || (title && title !== autoTitle.current)) return;
    autoTitle.current = defaultTitle(m);
    form.setFieldValue('title', autoTitle.current);
  };

  const onOk = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = {
        month: v.month.format('YYYY-MM'),
        title: v.title.trim(),
        weights: { report: v.weights.report ?? 0, visit: v.weights.visit ?? 0, test: v.weights.test ?? 0 },
        perLevel: v.perLevel,
        timeLimitMinutes: v.timeLimitMinutes,
        testOpensAt: v.window[0].toISOString(),
        testClosesAt: v.window[1].toISOString(),
        judgeIds: v.judgeIds,
      };
      onCreated(await api.post<ContestDetailDto>('/api/secretary-contests', body, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setSaving(false);
    }
  };

  const initial: Partial<Values> = {
    month: next,
    title: defaultTitle(next),
    weights: { report: 40, visit: 30, test: 30 },
    perLevel: 5,
    timeLimitMinutes: 30,
    window: [next.hour(9), next.add(6, 'day').hour(18)],
    judgeIds: [],
  };
  const required = (field: string) => [{ required: true, message: t('contest.create.required', { field }) }];

  return (
    <Modal
      open={open}
      title={t('contest.create.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional">
        <div className="form-row">
          <Form.Item name="month" label={t('contest.create.month')} rules={required(t('contest.create.month'))} className="form-row-item">
            <DatePicker picker="month" className="full-width" onChange={onMonth} />
          </Form.Item>
          <Form.Item name="title" label={t('contest.create.titleLabel')} rules={[...required(t('contest.create.titleLabel')), { whitespace: true }]} className="form-row-item">
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </div>
        <Typography.Text strong>{t('contest.create.weights')}</Typography.Text>
        <div className="form-row">
          {CONTEST_PARTS.map((p) => (
            <Form.Item key={p} name={['weights', p]} label={t(`contest.detail.${p}`)} rules={required(t(`contest.detail.${p}`))} className="form-row-item">
              <InputNumber min={0} max={100} precision={0} suffix="%" className="full-width" />
            </Form.Item>
          ))}
        </div>
        <Alert
          type={sum === 100 ? 'success' : 'warning'}
          showIcon
          role="status"
          aria-live="polite"
          title={sum === 100 ? t('contest.create.weightsOk') : t('contest.create.weightsBad', { sum })}
          style={{ marginBottom: 16 }}
        />
        <div className="form-row">
          <Form.Item
            name="perLevel"
            label={t('contest.create.perLevel')}
            rules={required(t('contest.create.perLevel'))}
            className="form-row-item"
            extra={t('contest.create.perLevelHelp', { d1: counts['1'] ?? 0, d2: counts['2'] ?? 0, d3: counts['3'] ?? 0 })}
          >
            <InputNumber min={1} max={CONTEST_LIMITS.maxPerLevel} precision={0} className="full-width" />
          </Form.Item>
          <Form.Item name="timeLimitMinutes" label={t('contest.create.timeLimit')} rules={required(t('contest.create.timeLimit'))} className="form-row-item">
            <InputNumber min={1} max={CONTEST_LIMITS.maxMinutes} precision={0} className="full-width" />
          </Form.Item>
        </div>
        <Form.Item name="window" label={t('contest.create.window')} rules={required(t('contest.create.window'))}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="full-width" />
        </Form.Item>
        <Form.Item name="judgeIds" label={t('contest.create.judges')} rules={required(t('contest.create.judges'))} extra={t('contest.create.judgesHelp')}>
          <Select
            mode="multiple"
            placeholder={t('contest.create.judgesPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={judges.map((j) => ({ value: j.id, label: j.unit ? `${j.name}（${j.unit}）` : j.name }))}
          />
        </Form.Item>
      </Form>
      {error && (
        <Space orientation="vertical" className="full-width">
          <Alert type="error" showIcon role="alert" title={error} />
        </Space>
      )}
    </Modal>
  );
}
