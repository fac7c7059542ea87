import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicCommentDto } from '@xj/contracts';
import { PARTICIPATION_LIMITS } from '@xj/contracts/domain';
import { consultApi, formatTime } from './consultApi';

type Gate = (action: () => Promise<void>) => void;

/** The topic's comments (paged with 更多), the comment box while the topic is active, and 举报 on others' comments. */
export function Comments({ topicId, open, gate, verified, onPosted }: { topicId: number; open: boolean; gate: Gate; verified: boolean; onPosted: () => Promise<void> }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<PublicCommentDto[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(
    async (p: number) => {
      try {
        const res = await consultApi.comments(topicId, p);
        setItems((prev) => (p === 1 ? res.data : [...prev, ...res.data.filter((c) => !prev.some((x) => x.id === c.id))]));
        setTotal(res.total);
        setPage(p);
        setLoadError(null);
      } catch (e) {
        setLoadError((e as Error).message);
      }
    },
    [topicId],
  );
  // Verifying shows this resident's own hidden comments and what they reported: reload then.
  useEffect(() => {
    void load(1);
  }, [load, verified]);

  const send = async () => {
    setBusy(true);
    setPosted(null);
    try {
      await consultApi.comment(topicId, body.trim());
      setBody('');
      setPosted({ ok: true, text: t('residentConsult.commentPosted') });
      await Promise.all([load(1), onPosted()]);
    } catch (e) {
      setPosted({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!body.trim()) {
      setBodyError(t('residentConsult.commentRequired'));
      document.getElementById('m-comment-body')?.focus();
      return;
    }
    setBodyError(null);
    gate(send);
  };

  return (
    <section className="m-form" aria-labelledby="m-comments-title">
      <h2 id="m-comments-title">
        {t('residentConsult.commentsTitle')} <span className="m-count">{total}</span>
      </h2>
      {open && (
        <form onSubmit={submit} noValidate>
          <div className="m-field">
            <label htmlFor="m-comment-body">{t('residentConsult.commentLabel')}</label>
            <textarea
              id="m-comment-body"
              rows={3}
              maxLength={PARTICIPATION_LIMITS.commentMax}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              aria-invalid={!!bodyError}
              aria-describedby={bodyError ? 'm-comment-error' : undefined}
            />
            {bodyError && (
              <p id="m-comment-error" className="m-error">
                {bodyError}
              </p>
            )}
          </div>
          <button type="submit" className="m-button m-primary" disabled={busy}>
            {busy ? t('residentConsult.sending') : t('residentConsult.commentSubmit')}
          </button>
          <p className={posted && !posted.ok ? 'm-error' : 'm-verified'} role="status">
            {posted?.text ?? ''}
          </p>
        </form>
      )}
      {loadError && (
        <p className="m-error" role="alert">
          {t('residentConsult.loadFailed', { message: loadError })}
        </p>
      )}
      {items.length === 0 && !loadError && <p className="m-note">{t('residentConsult.noComments')}</p>}
      <ul className="m-comments" data-testid="consult-comments">
        {items.map((c) => (
          <Comment key={c.id} comment={c} gate={gate} onReported={() => load(1)} />
        ))}
      </ul>
      {items.length < total && (
        <button type="button" className="m-button m-secondary" onClick={() => void load(page + 1)}>
          {t('residentConsult.more')}
        </button>
      )}
    </section>
  );
}

function Comment({ comment: c, gate, onReported }: { comment: PublicCommentDto; gate: Gate; onReported: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const reasonId = `m-report-${c.id}`;

  const send = async () => {
    setBusy(true);
    try {
      await consultApi.report(c.id, reason.trim());
      setReporting(false);
      setDone(true);
      await onReported();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!reason.trim()) return setError(t('residentConsult.reportRequired'));
    setError(null);
    gate(send);
  };

  return (
    <li className={c.status === 'hidden' ? 'm-comment m-comment-hidden' : 'm-comment'} data-testid="consult-comment">
      <p className="m-comment-head">
        <strong>{c.mine ? t('residentConsult.byMe') : c.author}</strong>
        <time dateTime={c.createdAt}>{formatTime(c.createdAt, i18n.language)}</time>
      </p>
      <p className="m-text">{c.body}</p>
      {c.status === 'hidden' && <p className="m-error">{t('residentConsult.hiddenMine', { reason: c.hiddenReason ?? '' })}</p>}
      {!c.mine &&
        (c.reportedByMe || done ? (
          <p className="m-note" role="status">
            {done ? t('residentConsult.reportDone') : t('residentConsult.reported')}
          </p>
        ) : reporting ? (
          <form onSubmit={submit} noValidate className="m-report">
            <div className="m-field">
              <label htmlFor={reasonId}>{t('residentConsult.reportReason')}</label>
              <input
                id={reasonId}
                value={reason}
                maxLength={PARTICIPATION_LIMITS.reportReasonMax}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={!!error}
                aria-describedby={error ? `${reasonId}-error` : undefined}
                autoFocus
              />
              {error && (
                <p id={`${reasonId}-error`} className="m-error" role="alert">
                  {error}
                </p>
              )}
            </div>
            <div className="m-row">
              <button type="submit" className="m-button m-primary" disabled={busy}>
                {t('residentConsult.reportSubmit')}
              </button>
              <button type="button" className="m-button m-secondary" onClick={() => setReporting(false)}>
                {t('residentConsult.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="m-small" aria-label={t('residentConsult.reportFor', { author: c.author })} onClick={() => setReporting(true)}>
            {t('residentConsult.report')}
          </button>
        ))}
    </li>
  );
}
