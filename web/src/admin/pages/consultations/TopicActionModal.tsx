/**
 * The form of one topic action: screening (category; excluded ones need a reason), the step's
 * record, a plan option, the decision, a task or its progress, moving on, closing. A refusal
 * (e.g. 409 with the unmet conditions of the step) is shown here with the server's message.
 */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Slider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { STEP_CONDITIONS, STEP_EXIT_RULES, TOPIC_LIMITS, type StepCondition } from '@xj/contracts/domain';
import type { AgendaCategoryDto, TopicDetailDto, TopicTaskDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { useConsultLabels } from './consultationLabels';

export type TopicAction = 'screen' | 'record' | 'option' | 'decision' | 'task' | 'taskUpdate' | 'advance' | 'close';

interface Values {
  categoryId?: number;
  reason?: string;
  responsibleName?: string;
  record?: string;
  title?: string;
  description?: string;
  cost?: number | null;
  decision?: string;
  optionId?: number;
  ownerName?: string;
  deadline?: Dayjs | null;
  progress?: number;
  outcome?: string;
  reviewDate?: Dayjs | null;
}

interface Props {
  topic: TopicDetailDto;
  action: TopicAction | null;
  /** The task whose progress is updated (taskUpdate). */
  task: TopicTaskDto | null;
  categories: AgendaCategoryDto[];
  onClose: () => void;
  onDone: (topic: TopicDetailDto) => void;
  /** The topic changed meanwhile (409): reload it. */
  onStale: () => void;
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const isCondition = (v: unknown): v is StepCondition => STEP_CONDITIONS.includes(v as StepCondition);

function request(topic: TopicDetailDto, action: TopicAction, v: Values, task: TopicTaskDto | null): { method: 'post' | 'patch'; path: string; body: unknown } {
  const base = `/api/consultations/topics/${topic.id}`;
  const responsible = { responsibleName: trimmed(v.responsibleName) };
  switch (action) {
    case 'screen':
      return { method: 'post', path: `${base}/screen`, body: { categoryId: v.categoryId, reason: trimmed(v.reason), ...responsible } };
    case 'record':
      return { method: 'post', path: `${base}/record`, body: { record: v.record!.trim() } };
    case 'option':
      return { method: 'post', path: `${base}/options`, body: { title: v.title!.trim(), description: trimmed(v.description), cost: v.cost ?? undefined } };
    case 'decision':
      return { method: 'post', path: `${base}/decision`, body: { decision: v.decision!.trim(), optionId: v.optionId } };
    case 'task':
      return { method: 'post', path: `${base}/tasks`, body: { title: v.title!.trim(), ownerName: v.ownerName!.trim(), deadline: day(v.deadline), progress: v.progress ?? 0 } };
    case 'taskUpdate':
      return { method: 'patch', path: `${base}/tasks/${task!.id}`, body: { progress: v.progress ?? 0 } };
    case 'advance':
      return topic.step === 'evaluate'
        ? { method: 'post', path: `${base}/advance`, body: { record: trimmed(v.record), outcome: trimmed(v.outcome), reviewDate: day(v.reviewDate) } }
        : { method: 'post', path: `${base}/advance`, body: { record: trimmed(v.record), ...responsible } };
    case 'close':
      return { method: 'post', path: `${base}/close`, body: { reason: v.reason!.trim() } };
  }
}

export function TopicActionModal({ topic, action, task, categories, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const labels = useConsultLabels();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; unmet: StepCondition[] } | null>(null);
  const categoryId = Form.useWatch('categoryId', form);
  const chosen = categories.find((c) => c.id === categoryId);
  const openStep = topic.steps.find((s) => s.step === topic.step && s.endedAt === null);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setError(null);
    if (action === 'record' || action === 'advance') form.setFieldsValue({ record: openStep?.record ?? undefined });
    if (action === 'taskUpdate' && task) form.setFieldsValue({ progress: task.progress });
    if (action === 'decision') form.setFieldsValue({ decision: topic.decision ?? undefined, optionId: topic.decisionOptionId ?? undefined });
  }, [action, form, task, openStep?.record, topic.decision, topic.decisionOptionId]);

  const title = (): string => {
    if (!action) return '';
    if (action === 'taskUpdate') return t('consult.action.updateFor', { title: task?.title ?? '' });
    if (action === 'advance' && topic.step === 'evaluate') return t('consult.action.conclude');
    return t(`consult.action.${action}`);
  };

  const onOk = async () => {
    if (!action) return;
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const r = request(topic, action, v, task);
      onDone(r.method === 'patch' ? await api.patch<TopicDetailDto>(r.path, r.body, { silent: true }) : await api.post<TopicDetailDto>(r.path, r.body, { silent: true }));
    } catch (e) {
      if (!isApiError(e)) {
        setError({ message: t('errors.generic'), unmet: [] });
        return;
      }
      const details = e.details as { unmet?: unknown[] } | undefined;
      const unmet = Array.isArray(details?.unmet) ? details.unmet.filter(isCondition) : [];
      setError({ message: e.message, unmet });
      // A 409 that is not about unmet conditions: the topic moved on meanwhile.
      if (e.status === 409 && unmet.length === 0) onStale();
    } finally {
      setSaving(false);
    }
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  const textArea = (max: number, rows = 3) => <Input.TextArea rows={rows} maxLength={max} showCount />;
  const responsibleField = (
    <Form.Item name="responsibleName" label={t('consult.form.responsibleName')} extra={t('consult.form.responsibleHelp')}>
      <Input maxLength={TOPIC_LIMITS.nameMax} />
    </Form.Item>
  );
  const next = topic.step ? STEP_EXIT_RULES[topic.step].next : null;

  return (
    <Modal
      open={action !== null}
      title={title()}
      okText={action === 'taskUpdate' ? t('consult.action.taskUpdate') : title() || t('common.confirm')}
      okButtonProps={{ danger: action === 'close' || (action === 'screen' && chosen?.kind === 'excluded') }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{topic.title}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark="optional">
        {action === 'screen' && (
          <>
            <Form.Item name="categoryId" label={t('consult.form.category')} rules={[{ required: true, message: t('consult.form.categoryRequired') }]}>
              <Select
                placeholder={t('consult.form.categoryRequired')}
                showSearch={{ optionFilterProp: 'label' }}
                virtual={false}
                options={(['allowed', 'excluded'] as const).map((kind) => ({
                  label: kind === 'allowed' ? t('consult.form.allowedGroup') : t('consult.form.excludedGroup'),
                  title: labels.kind(kind),
                  options: categories.filter((c) => c.active && c.kind === kind).map((c) => ({ value: c.id, label: c.name })),
                }))}
              />
            </Form.Item>
            {chosen?.kind === 'excluded' && <Alert className="consult-similar" type="warning" showIcon title={t('consult.form.excludedWarning', { name: chosen.name })} />}
            <Form.Item
              name="reason"
              label={chosen?.kind === 'excluded' ? t('consult.form.reason') : t('consult.form.reasonOptional')}
              rules={chosen?.kind === 'excluded' ? required(t('consult.form.reasonRequired')) : []}
            >
              {textArea(TOPIC_LIMITS.reasonMax)}
            </Form.Item>
            {chosen?.kind !== 'excluded' && responsibleField}
          </>
        )}
        {action === 'record' && (
          <Form.Item name="record" label={`${t('consult.form.record')}（${topic.step ? labels.step(topic.step) : ''}）`} rules={required(t('consult.form.recordRequired'))}>
            {textArea(TOPIC_LIMITS.recordMax, 5)}
          </Form.Item>
        )}
        {action === 'option' && (
          <>
            <Form.Item name="title" label={t('consult.form.optionTitle')} rules={required(t('consult.form.optionTitleRequired'))}>
              <Input maxLength={TOPIC_LIMITS.optionTitleMax} />
            </Form.Item>
            <Form.Item name="description" label={t('consult.form.optionDescription')}>
              {textArea(TOPIC_LIMITS.optionDescriptionMax)}
            </Form.Item>
            <Form.Item name="cost" label={t('consult.form.cost')}>
              <InputNumber className="full-width" min={0} max={TOPIC_LIMITS.costMax} precision={2} step={100} />
            </Form.Item>
          </>
        )}
        {action === 'decision' && (
          <>
            <Form.Item name="optionId" label={t('consult.form.decisionOption')} rules={[{ required: true, message: t('consult.form.decisionOptionRequired') }]}>
              <Select options={topic.options.map((o) => ({ value: o.id, label: o.title }))} />
            </Form.Item>
            <Form.Item name="decision" label={t('consult.form.decision')} rules={required(t('consult.form.decisionRequired'))}>
              {textArea(TOPIC_LIMITS.decisionMax, 4)}
            </Form.Item>
          </>
        )}
        {action === 'task' && (
          <>
            <Form.Item name="title" label={t('consult.form.taskTitle')} rules={required(t('consult.form.taskTitleRequired'))}>
              <Input maxLength={TOPIC_LIMITS.taskTitleMax} />
            </Form.Item>
            <Form.Item name="ownerName" label={t('consult.form.owner')} rules={required(t('consult.form.ownerRequired'))}>
              <Input maxLength={TOPIC_LIMITS.nameMax} />
            </Form.Item>
            <Form.Item name="deadline" label={t('consult.form.deadline')}>
              <DatePicker className="full-width" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </>
        )}
        {(action === 'task' || action === 'taskUpdate') && (
          <Form.Item name="progress" label={t('consult.form.progress')} initialValue={0}>
            <Slider min={0} max={100} step={5} tooltip={{ formatter: (n) => `${n}%` }} marks={{ 0: '0', 50: '50', 100: '100' }} aria-label={t('consult.form.progress')} />
          </Form.Item>
        )}
        {action === 'advance' && (
          <>
            <Typography.Paragraph>
              {next && topic.step
                ? t('consult.form.nextStep', { from: labels.step(topic.step), to: labels.step(next) })
                : t('consult.form.concludeHint')}
            </Typography.Paragraph>
            <Form.Item name="record" label={t('consult.form.advanceRecord')}>
              {textArea(TOPIC_LIMITS.recordMax)}
            </Form.Item>
            {topic.step === 'evaluate' ? (
              <>
                <Form.Item name="outcome" label={t('consult.form.outcome')} rules={required(t('consult.form.outcomeRequired'))}>
                  {textArea(TOPIC_LIMITS.outcomeMax)}
                </Form.Item>
                <Form.Item name="reviewDate" label={t('consult.form.reviewDate')}>
                  <DatePicker className="full-width" />
                </Form.Item>
              </>
            ) : (
              responsibleField
            )}
          </>
        )}
        {action === 'close' && (
          <Form.Item name="reason" label={t('consult.form.closeReason')} rules={required(t('consult.form.closeReasonRequired'))}>
            {textArea(TOPIC_LIMITS.reasonMax)}
          </Form.Item>
        )}
      </Form>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error.message}
          description={
            error.unmet.length > 0 && (
              <>
                {t('consult.form.unmet')}
                <ul>
                  {error.unmet.map((c) => (
                    <li key={c}>{t(`consult.conditions.${c}`)}</li>
                  ))}
                </ul>
              </>
            )
          }
        />
      )}
    </Modal>
  );
}
