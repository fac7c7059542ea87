import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTicketStatusDto } from '@xj/contracts';
import { TICKET_CODE_PATTERN, TICKET_EVENT_KIND_LABELS, TICKET_OUTCOME_LABELS, TICKET_STATUS_LABELS } from '@xj/contracts/domain';
import { pick } from '../shared/labels';
import { publicApi } from './api';

const when = (iso: string, lang: string) => new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });

/** /m/track: code and key (the tracking link fills both: the code from the query, the key from the fragment). */
export function TrackPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get('code') ?? '');
  const [key, setKey] = useState(() => new URLSearchParams(location.hash.slice(1)).get('key') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ticket, setTicket] = useState<PublicTicketStatusDto | null>(null);

  const search = async (c: string, k: string) => {
    const normalised = c.trim().toUpperCase();
    if (!TICKET_CODE_PATTERN.test(normalised)) return setError(t('resident.codeInvalid'));
    if (!k.trim()) return setError(t('resident.keyRequired'));
    setError(null);
    setBusy(true);
    try {
      setTicket(await publicApi.get<PublicTicketStatusDto>(`/api/public/tickets/${encodeURIComponent(normalised)}`, k.trim()));
    } catch (e) {
      setTicket(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (code && key) void search(code, key);
    // Only once, with the values the page was opened with.
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search(code, key);
  };

  return (
    <>
      <form className="m-form" onSubmit={submit} noValidate>
        <h1>{t('resident.trackTitle')}</h1>
        <p className="m-intro">{t('resident.trackHint')}</p>
        <div className="m-field">
          <label htmlFor="m-code">{t('resident.code')}</label>
          <input id="m-code" value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" autoComplete="off" placeholder="XJ20261128-0001" />
        </div>
        <div className="m-field">
          <label htmlFor="m-key">{t('resident.key')}</label>
          <input id="m-key" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" autoCapitalize="off" spellCheck={false} />
        </div>
        {error && (
          <p className="m-error m-banner" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="m-button m-primary" disabled={busy}>
          {busy ? t('resident.searching') : t('resident.search')}
        </button>
      </form>

      {ticket && (
        <section className="m-result" aria-labelledby="m-ticket-title">
          <h2 id="m-ticket-title">
            {ticket.code} · {ticket.category}
          </h2>
          <dl className="m-facts">
            <dt>{t('resident.status')}</dt>
            <dd>
              <span className={`m-status m-status-${ticket.status}`}>{pick(TICKET_STATUS_LABELS[ticket.status], lang)}</span>
            </dd>
            <dt>{t('resident.createdAt')}</dt>
            <dd>{when(ticket.createdAt, lang)}</dd>
            {ticket.closedAt && (
              <>
                <dt>{t('resident.closedAt')}</dt>
                <dd>{when(ticket.closedAt, lang)}</dd>
              </>
            )}
            {ticket.outcome && (
              <>
                <dt>{t('resident.outcome')}</dt>
                <dd>{pick(TICKET_OUTCOME_LABELS[ticket.outcome], lang)}</dd>
              </>
            )}
            {ticket.resultNote && (
              <>
                <dt>{t('resident.resultNote')}</dt>
                <dd>{ticket.resultNote}</dd>
              </>
            )}
          </dl>
          {ticket.photoCount > 0 && <p className="m-note">{t('resident.photoCount', { count: ticket.photoCount })}</p>}
          <h3>{t('resident.timeline')}</h3>
          <ol className="m-timeline">
            {ticket.timeline.map((e, i) => (
              <li key={i}>
                <span className="m-timeline-kind">{pick(TICKET_EVENT_KIND_LABELS[e.kind], lang)}</span>
                <span className="m-timeline-status">{pick(TICKET_STATUS_LABELS[e.status], lang)}</span>
                <time dateTime={e.at}>{when(e.at, lang)}</time>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
