/**
 * 线上投票 on a topic's plan options: how many have voted while it is open, the results as a bar
 * chart once closed; for consultations.manage, opening it (议事项, at least two options) with a
 * closing time and closing it, optionally adopting the winner as the topic's decision.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { PARTICIPATION_LIMITS as L, TOPIC_LIMITS } from '@xj/contracts/domain';
import type { TopicDetailDto, VoteDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { EChart } from '../../components/EChart';
import { barOption, summary } from './statsCharts';

type Dialog = 'open' | 'close' | null;

interface Props {
  topic: TopicDetailDto;
  vote: VoteDto | null;
  manage: boolean;
  /** After opening or closing (closing may set the topic's decision). */
  onChanged: () => void;
}

export function TopicVote({ topic, vote, manage, onChanged }: Props) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canOpen = topic.status === 'active' && topic.step === 'deliberate' && topic.options.length >= 2;
  if (!vote && topic.step !== 'deliberate') return null;

  const points = (vote?.results ?? []).map((r) => ({ name: r.title, value: r.votes }));
  return (
    <section data-testid="topic-vote" className="consult-participation-part">
      <div className="consult-participation-head">
        <Typography.Title level={3} className="consult-participation-title">
          {t('consultParticipation.vote.title')}
        </Typography.Title>
        {manage && !vote && canOpen && (
          <Button type="primary" onClick={() => setDialog('open')}>
            {t('consultParticipation.vote.open')}
          </Button>
        )}
        {manage && vote?.open && (
          <Button onClick={() => setDialog('close')}>{t('consultParticipation.vote.close')}</Button>
        )}
      </div>
      {!vote ? (
        <Typography.Text type="secondary">{canOpen ? t('consultParticipation.vote.none') : t('consultParticipation.vote.needOptions')}</Typography.Text>
      ) : (
        <>
          <Space wrap size="large">
            <Typography.Text strong>{t('consultParticipation.vote.ballots', { n: vote.ballots })}</Typography.Text>
            <Typography.Text type="secondary">
              {vote.open ? t('consultParticipation.vote.openUntil', { at: formatDateTime(vote.closesAt) }) : t('consultParticipation.vote.closedAt', { at: formatDateTime(vote.closedAt ?? vote.closesAt) })}
            </Typography.Text>
          </Space>
          {vote.results ? (
            <EChart
              option={barOption(points, '#b71c1c', true)}
              height={Math.max(120, points.length * 40 + 30)}
              label={t('consultParticipation.vote.chartAlt', { summary: summary(points) })}
            />
          ) : (
            <div>
              <Typography.Text type="secondary">{t('consultParticipation.vote.resultsHidden')}</Typography.Text>
            </div>
          )}
        </>
      )}
      <VoteDialog
        topic={topic}
        dialog={dialog}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          onChanged();
        }}
      />
    </section>
  );
}

function VoteDialog({ topic, dialog, onClose, onDone }: { topic: TopicDetailDto; dialog: Dialog; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ closesAt?: Dayjs; decision?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (dialog) {
      form.resetFields();
      setError(null);
    }
  }, [dialog, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const base = `/api/consultations/topics/${topic.id}/vote`;
      if (dialog === 'open') await api.post(base, { closesAt: v.closesAt!.toISOString() }, { silent: true });
      else await api.post(`${base}/close`, v.decision?.trim() ? { decision: v.decision.trim() } : {}, { silent: true });
      onDone();
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  const opening = dialog === 'open';
  const title = opening ? t('consultParticipation.vote.openTitle') : t('consultParticipation.vote.closeTitle');
  return (
    <Modal open={dialog !== null} title={title} okText={title} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => void onOk()} onCancel={onClose} destroyOnHidden>
      {opening ? (
        <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ closesAt: dayjs().add(7, 'day').startOf('hour') }}>
          <Typography.Paragraph type="secondary">{t('consultParticipation.vote.openHint', { n: topic.options.length })}</Typography.Paragraph>
          <Form.Item name="closesAt" label={t('consultParticipation.vote.closesAt')} rules={[{ required: true, message: t('consultParticipation.vote.closesAtRequired') }]}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              className="full-width"
              disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(L.voteMaxDays, 'day'), 'day')}
            />
          </Form.Item>
        </Form>
      ) : (
        <Form form={form} layout="vertical" requiredMark="optional">
          <Typography.Paragraph type="secondary">{t('consultParticipation.vote.decisionHint')}</Typography.Paragraph>
          <Form.Item name="decision" label={t('consultParticipation.vote.decision')}>
            <Input.TextArea rows={3} maxLength={TOPIC_LIMITS.decisionMax} showCount />
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
