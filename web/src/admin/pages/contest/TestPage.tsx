/** A secretary's knowledge test on the phone: start (the clock runs), answer, submit; a countdown shows the time left. */
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUESTION_KIND_LABELS, type PaperDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';

const mmss = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

export default function TestPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [paper, setPaper] = useState<PaperDto | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [answers, setAnswers] = useState<Record<number, number[]>>({});
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    api
      .get<PaperDto>(`/api/secretary-contests/${id}/test`)
      .then(setPaper)
      .catch((e: unknown) => setForbidden(isApiError(e)));
  }, [id]);
  useEffect(load, [load]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (forbidden) return <Alert type="warning" showIcon title={t('contest.test.notContestant')} />;
  if (!paper) return <PageHeader title={t('contest.test.title')} />;
  const start = async () => {
    setBusy(true);
    try {
      setPaper(await api.post<PaperDto>(`/api/secretary-contests/${id}/test/start`));
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    setBusy(true);
    try {
      const body = { answers: Object.entries(answers).map(([seq, chosen]) => ({ seq: Number(seq), chosen })) };
      setPaper(await api.post<PaperDto>(`/api/secretary-contests/${id}/test/submit`, body));
    } finally {
      setBusy(false);
    }
  };
  const left = paper.deadline ? Date.parse(paper.deadline) - now : null;
  const done = paper.submittedAt !== null;

  return (
    <>
      <PageHeader title={t('contest.test.title')} />
      {!paper.startedAt && (
        <Card>
          <Space orientation="vertical">
            <Typography.Paragraph>{t('contest.test.startHint', { count: paper.questionCount, minutes: paper.timeLimitMinutes })}</Typography.Paragraph>
            <Button type="primary" size="large" loading={busy} onClick={start}>{t('contest.test.start')}</Button>
          </Space>
        </Card>
      )}
      {paper.startedAt && !done && left !== null && (
        <Alert type={left > 0 ? 'info' : 'warning'} showIcon role="timer" title={left > 0 ? t('contest.test.remaining', { time: mmss(left) }) : t('contest.test.timeUp')} />
      )}
      {done && <Alert type="success" showIcon title={t('contest.test.submitted', { correct: paper.correct, score: paper.score?.toFixed(2) })} />}
      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        {paper.questions.map((q) => {
          const label = t('contest.test.question', { seq: q.seq, kind: QUESTION_KIND_LABELS[q.kind], difficulty: q.difficulty });
          const options = q.options.map((o, i) => ({ label: o, value: i }));
          const value = done ? (q.chosen ?? []) : (answers[q.seq] ?? []);
          return (
            <Card key={q.seq} size="small" title={label}>
              <Typography.Paragraph id={`q-${q.seq}`}>{q.stem}</Typography.Paragraph>
              {q.kind === 'multiple' ? (
                <Checkbox.Group aria-labelledby={`q-${q.seq}`} disabled={done} options={options} value={value} onChange={(v) => setAnswers((a) => ({ ...a, [q.seq]: v }))} style={{ flexDirection: 'column' }} />
              ) : (
                <Radio.Group aria-labelledby={`q-${q.seq}`} disabled={done} options={options} value={value[0]} onChange={(e) => setAnswers((a) => ({ ...a, [q.seq]: [e.target.value as number] }))} style={{ display: 'flex', flexDirection: 'column' }} />
              )}
              {done && <Typography.Text type={q.correct ? 'success' : 'danger'}>{q.correct ? t('contest.test.right') : t('contest.test.wrong')}</Typography.Text>}
            </Card>
          );
        })}
      </Space>
      {paper.startedAt && !done && (
        <Button type="primary" size="large" block loading={busy} onClick={submit} style={{ marginTop: 12 }}>{t('contest.test.submit')}</Button>
      )}
    </>
  );
}
