import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyPropertyRolesDto } from '@xj/contracts';
import { RATING_LIMITS, RATING_SOURCE_LABELS } from '@xj/contracts/domain';
import { pick } from '../../shared/labels';
import { useVerifyGate } from '../consult/VerifyGate';
import { PhoneNeeded } from '../volunteer/PhoneNeeded';
import { PropertyLinks } from './PropertyLinks';
import { propertyApi } from './propertyApi';
import { useRoles } from './useRoles';

type Card = MyPropertyRolesDto['scorecards'][number];

/** /m/property/score: a steward's or owners' committee member's scorecards (0–100 per indicator), revisable until the deadline. */
export default function ScorePage({ onOpen }: { onOpen: (url: string) => void }) {
  const { t } = useTranslation();
  const { resident, gate, panel } = useVerifyGate();
  const verified = resident.status === 'verified';
  const { roles, error, reload } = useRoles(verified);

  return (
    <>
      <PropertyLinks current="score" onOpen={onOpen} />
      <div className="m-form">
        <h1>{t('residentProperty.scoreTitle')}</h1>
        <p className="m-intro">{t('residentProperty.scoreIntro')}</p>
        {resident.status === 'anonymous' && <PhoneNeeded intro={t('residentProperty.verifyIntro')} onVerify={() => gate(() => undefined)} />}
        {verified && error && (
          <p className="m-error m-banner" role="alert">
            {error}
          </p>
        )}
        {verified && !error && !roles && <p className="m-note">{t('residentProperty.rolesLoading')}</p>}
        {roles && roles.scorecards.length === 0 && <p className="m-note">{t('residentProperty.notScorer')}</p>}
        {roles?.contractReviews.map((r) => (
          <p key={r.ratingId} className="m-banner" role="note" data-testid="contract-review">
            {t('residentProperty.contractReview', { compound: r.compoundName, company: r.companyName, period: r.periodName, grade: r.gradeName ?? '' })}
          </p>
        ))}
      </div>
      {panel}
      {roles?.scorecards.map((c) => <ScoreCard key={`${c.ratingId}-${c.source}`} card={c} onSaved={reload} />)}
    </>
  );
}

function ScoreCard({ card, onSaved }: { card: Card; onSaved: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [scores, setScores] = useState<Record<string, number>>(() => card.scores ?? Object.fromEntries(card.indicators.map((i) => [i.code, 80])));
  const [comment, setComment] = useState(card.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const id = `m-card-${card.ratingId}-${card.source}`;
  const set = (code: string, v: string) => {
    const n = Math.max(0, Math.min(100, Math.round(Number(v) || 0)));
    setScores((s) => ({ ...s, [code]: n }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    setBusy(true);
    try {
      const res = await propertyApi.score(card.ratingId, card.source, { scores, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setSaved(t('residentProperty.scoreSaved', { score: res.score.toFixed(2) }));
      await onSaved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="m-form" aria-labelledby={`${id}-title`} data-testid="score-card">
      <h2 id={`${id}-title`}>{t('residentProperty.cardTitle', { compound: card.compoundName, period: card.periodName })}</h2>
      <p className="m-note">
        {t('residentProperty.cardMeta', { company: card.companyName, source: pick(RATING_SOURCE_LABELS[card.source], i18n.language), deadline: card.deadline })}
      </p>
      <p className="m-status">{card.scores ? t('residentProperty.cardSaved') : t('residentProperty.cardNotSaved')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {card.indicators.map((ind) => (
          <div key={ind.code} className="m-field">
            <label htmlFor={`${id}-${ind.code}`}>{t('residentProperty.scoreFor', { name: ind.name, weight: ind.weight })}</label>
            <div className="m-inline">
              <input
                type="range"
                min={0}
                max={100}
                step={1}
                value={scores[ind.code] ?? 0}
                onChange={(e) => set(ind.code, e.target.value)}
                aria-label={ind.name}
                style={{ flex: 1, accentColor: '#b71c1c' }}
              />
              <input
                id={`${id}-${ind.code}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                value={scores[ind.code] ?? 0}
                onChange={(e) => set(ind.code, e.target.value)}
                style={{ width: 80, flex: 'none' }}
              />
            </div>
          </div>
        ))}
        <div className="m-field">
          <label htmlFor={`${id}-comment`}>{t('residentProperty.comment')}</label>
          <textarea id={`${id}-comment`} rows={3} maxLength={RATING_LIMITS.commentMax} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        {error && (
          <p className="m-error" role="alert">
            {error}
          </p>
        )}
        {saved && (
          <p className="m-note" role="status">
            {saved}
          </p>
        )}
        <button type="submit" className="m-button m-primary" disabled={busy}>
          {busy ? t('residentProperty.submitting') : card.scores ? t('residentProperty.updateScore') : t('residentProperty.submitScore')}
        </button>
      </form>
    </section>
  );
}
