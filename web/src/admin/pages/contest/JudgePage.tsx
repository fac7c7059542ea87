/** A judge's phone page: one card per secretary, a 0–100 score per part, submitted once. */
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { App, Alert, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { JUDGED_PARTS, type ContestDetailDto, type ContestEntryDto, type JudgedPart } from '@xj/contracts';
import { request } from '../../../shared/api';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';

function PartScore({ contestId, entry, part, onSaved }: { contestId: number; entry: ContestEntryDto; part: JudgedPart; onSaved: (c: ContestDetailDto) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = entry.myScores[part];
  const partName = t(`contest.detail.${part}`);
  if (mine !== null) return <Typography.Text>{`${partName}：${t('contest.judge.scored', { score: mine })}`}</Typography.Text>;
  const submit = async () => {
    if (value === null) return;
    setBusy(true);
    try {
      onSaved(await request<ContestDetailDto>('PUT', `/api/secretary-contests/${contestId}/entries/${entry.id}/scores/${part}`, { body: { score: value } }));
      void message.success(t('contest.judge.saved'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <span>{partName}</span>
      <InputNumber min={0} max={100} precision={0} value={value} onChange={(v) => setValue(v)} inputMode="numeric" aria-label={t('contest.judge.scoreLabel', { name: entry.worker.name, part: partName })} />
      <Button type="primary" autoInsertSpace={false} loading={busy} disabled={value === null} onClick={submit} aria-label={`${t('contest.judge.submit')} ${entry.worker.name} ${partName}`}>
        {t('contest.judge.submit')}
      </Button>
    </Space>
  );
}

export default function JudgePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [c, setC] = useState<ContestDetailDto | null>(null);
  const load = useCallback(() => {
    api.get<ContestDetailDto>(`/api/secretary-contests/${id}`).then(setC).catch(() => setC(null));
  }, [id]);
  useEffect(load, [load]);
  if (!c) return <PageHeader title={t('contest.judge.title')} />;
  return (
    <>
      <PageHeader title={`${t('contest.judge.title')} · ${c.title}`} description={t('contest.judge.hint')} />
      {!c.isJudge && <Alert type="warning" showIcon title={t('contest.judge.notJudge')} />}
      {c.isJudge && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {c.entries.map((e) => (
            <Card key={e.id} size="small" title={`${e.worker.communityName} · ${e.worker.name}`}>
              <Space orientation="vertical">
                {JUDGED_PARTS.map((p) => (
                  <PartScore key={p} contestId={c.id} entry={e} part={p} onSaved={setC} />
                ))}
              </Space>
            </Card>
          ))}
        </Space>
      )}
    </>
  );
}
