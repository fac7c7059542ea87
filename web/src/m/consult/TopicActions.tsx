import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTopicDto } from '@xj/contracts';
import { PARTICIPATION_LIMITS } from '@xj/contracts/domain';
import { consultApi, formatTime } from './consultApi';

type Gate = (action: () => Promise<void>) => void;
type Props = { topic: PublicTopicDto; gate: Gate; onChanged: () => Promise<void> };

/** Runs a participation call and keeps its outcome for a polite live region. */
function useOutcome() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (call: () => Promise<unknown>, done: string, after: () => Promise<void>) => {
    setBusy(true);
    setOutcome(null);
    try {
      await call();
      await after();
      setOutcome({ ok: true, text: done });
    } catch (e) {
      setOutcome({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const live = (
    <p className={outcome && !outcome.ok ? 'm-error' : 'm-verified'} role="status">
      {outcome?.text ?? ''}
    </p>
  );
  return { busy, run, live, setOutcome };
}

/** What a resident may do on the topic in its current step: 支持 and the questionnaire, the vote, the rating. */
export function TopicActions(props: Props) {
  const { topic } = props;
  const active = topic.status === 'active';
  const collect = active && topic.step === 'collect';
  return (
    <>
      {collect && <Support {...props} />}
      {collect && topic.questionnaire && topic.questionnaire.questions.length > 0 && <Questionnaire {...props} />}
      {topic.vote && topic.options.length > 0 && <Vote {...props} />}
      {((active && topic.step === 'evaluate') || topic.rating) && <Rating {...props} />}
    </>
  );
}

function Support({ topic, gate, onChanged }: Props) {
  const { t } = useTranslation();
  const { busy, run, live } = useOutcome();
  const supported = !!topic.mine?.supported;
  return (
    <section className="m-form" aria-labelledby="m-support-title">
      <h2 id="m-support-title">{t('residentConsult.support')}</h2>
      <p className="m-intro">{t('residentConsult.supportHint')}</p>
      <button
        type="button"
        className={`m-button ${supported ? 'm-secondary' : 'm-primary'}`}
        disabled={busy || supported}
        onClick={() => gate(() => run(() => consultApi.support(topic.id), t('residentConsult.supportDone'), onChanged))}
      >
        {supported ? t('residentConsult.supported') : t('residentConsult.support')} · {topic.supports}
      </button>
      {live}
    </section>
  );
}

function Questionnaire({ topic, gate, onChanged }: Props) {
  const { t } = useTranslation();
  const q = topic.questionnaire!;
  const [answers, setAnswers] = useState<(number | null)[]>(() => q.questions.map(() => null));
  const { busy, run, live, setOutcome } = useOutcome();
  const answered = !!topic.mine?.answeredQuestionnaire;
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (answers.some((a) => a === null)) return setOutcome({ ok: false, text: t('residentConsult.answerAll') });
    gate(() => run(() => consultApi.answer(topic.id, answers as number[]), t('residentConsult.answered'), onChanged));
  };
  return (
    <section className="m-form" aria-labelledby="m-q-title" data-testid="consult-questionnaire">
      <h2 id="m-q-title">{t('residentConsult.questionnaire')}</h2>
      <p className="m-note">{t('residentConsult.respondents', { count: q.respondents })}</p>
      {answered ? (
        <>
          <p className="m-verified">{t('residentConsult.answered')}</p>
          {q.tallies &&
            q.questions.map((question, i) => (
              <div key={i} className="m-field">
                <p className="m-label">{question.text}</p>
                <ul className="m-list">
                  {question.choices.map((c, j) => (
                    <li key={j}>
                      {c}：{t('residentConsult.tally', { count: q.tallies![i]?.[j] ?? 0 })}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          {q.questions.map((question, i) => (
            <fieldset key={i} className="m-field m-choices">
              <legend>{`${i + 1}. ${question.text}`}</legend>
              {question.choices.map((c, j) => (
                <label key={j} className="m-choice">
                  <input type="radio" name={`m-q-${i}`} checked={answers[i] === j} onChange={() => setAnswers((a) => a.map((x, k) => (k === i ? j : x)))} />
                  <span>{c}</span>
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit" className="m-button m-primary" disabled={busy}>
            {busy ? t('residentConsult.sending') : t('residentConsult.submitAnswers')}
          </button>
        </form>
      )}
      {live}
    </section>
  );
}

function Vote({ topic, gate, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const vote = topic.vote!;
  const [choice, setChoice] = useState<number | null>(null);
  const { busy, run, live, setOutcome } = useOutcome();
  const votedId = topic.mine?.votedOptionId ?? null;
  const voted = topic.options.find((o) => o.id === votedId);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (choice === null) return setOutcome({ ok: false, text: t('residentConsult.chooseOption') });
    gate(() => run(() => consultApi.vote(topic.id, choice), t('residentConsult.voteDone'), onChanged));
  };
  return (
    <section className="m-form" aria-labelledby="m-vote-title" data-testid="consult-vote">
      <h2 id="m-vote-title">{t('residentConsult.vote')}</h2>
      <p className="m-note">{vote.open ? t('residentConsult.voteCloses', { time: formatTime(vote.closesAt, i18n.language) }) : t('residentConsult.voteClosed')}</p>
      <p className="m-note">{t('residentConsult.ballots', { count: vote.ballots })}</p>
      {votedId !== null ? (
        <p className="m-verified">{voted ? t('residentConsult.votedFor', { title: voted.title }) : t('residentConsult.voted')}</p>
      ) : (
        vote.open && (
          <form onSubmit={submit} noValidate>
            <fieldset className="m-field m-choices">
              <legend>{t('residentConsult.chooseOption')}</legend>
              {topic.options.map((o) => (
                <label key={o.id} className="m-choice">
                  <input type="radio" name="m-vote" checked={choice === o.id} onChange={() => setChoice(o.id)} />
                  <span>{o.title}</span>
                </label>
              ))}
            </fieldset>
            <button type="submit" className="m-button m-primary" disabled={busy}>
              {busy ? t('residentConsult.sending') : t('residentConsult.castVote')}
            </button>
          </form>
        )
      )}
      {vote.results && (
        <>
          <h3>{t('residentConsult.results')}</h3>
          <ul className="m-list">
            {vote.results.map((r) => (
              <li key={r.optionId}>
                <strong>{r.title}</strong>
                <span>{t('residentConsult.votes', { count: r.votes })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {live}
    </section>
  );
}

function Rating({ topic, gate, onChanged }: Props) {
  const { t } = useTranslation();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const { busy, run, live, setOutcome } = useOutcome();
  const rated = topic.mine?.ratedScore ?? null;
  const canRate = topic.status === 'active' && topic.step === 'evaluate';
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (score < 1) return setOutcome({ ok: false, text: t('residentConsult.chooseScore') });
    gate(() => run(() => consultApi.rate(topic.id, score, comment.trim() || undefined), t('residentConsult.ratingDone'), onChanged));
  };
  return (
    <section className="m-form" aria-labelledby="m-rate-title" data-testid="consult-rating">
      <h2 id="m-rate-title">{t('residentConsult.rate')}</h2>
      {topic.rating && topic.rating.average !== null && (
        <p className="m-note">{t('residentConsult.ratingSummary', { average: topic.rating.average, count: topic.rating.count })}</p>
      )}
      {rated !== null ? (
        <p className="m-verified">{t('residentConsult.rated', { count: rated })}</p>
      ) : (
        canRate && (
          <form onSubmit={submit} noValidate>
            <fieldset className="m-field">
              <legend>{t('residentConsult.score')}</legend>
              <div className="m-stars">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className={n <= score ? 'm-star m-star-on' : 'm-star'}>
                    <input type="radio" name="m-score" checked={score === n} onChange={() => setScore(n)} aria-label={t('residentConsult.stars', { count: n })} />
                    <span aria-hidden="true">★</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="m-field">
              <label htmlFor="m-rate-comment">{t('residentConsult.ratingComment')}</label>
              <textarea id="m-rate-comment" rows={3} maxLength={PARTICIPATION_LIMITS.ratingCommentMax} value={comment} onChange={(e) => setComment(e.target.value)} />
            </div>
            <button type="submit" className="m-button m-primary" disabled={busy}>
              {busy ? t('residentConsult.sending') : t('residentConsult.submitRating')}
            </button>
          </form>
        )
      )}
      {live}
    </section>
  );
}
