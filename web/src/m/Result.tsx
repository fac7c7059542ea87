import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTicketCreated } from '@xj/contracts';

/** The tracking link carries the key in the fragment, which browsers never send to the server. */
export const trackingPath = (c: PublicTicketCreated) => `/m/track?code=${encodeURIComponent(c.code)}#key=${encodeURIComponent(c.trackingKey)}`;

export function Result({ created, photoErrors, onTrack, onAnother }: { created: PublicTicketCreated; photoErrors: string[]; onTrack: (url: string) => void; onAnother: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  const path = trackingPath(created);
  const copyLink = () =>
    navigator.clipboard
      .writeText(`${location.origin}${path}\n${t('resident.code')}：${created.code}\n${t('resident.key')}：${created.trackingKey}`)
      .then(() => setCopy('done'), () => setCopy('failed'));

  return (
    <section className="m-result" aria-labelledby="m-result-title">
      <h1 id="m-result-title">{t('resident.done')}</h1>
      <p>{t('resident.doneHint')}</p>
      <dl className="m-facts">
        <dt>{t('resident.code')}</dt>
        <dd className="m-code" data-testid="ticket-code">{created.code}</dd>
        <dt>{t('resident.key')}</dt>
        <dd className="m-code" data-testid="tracking-key">{created.trackingKey}</dd>
      </dl>
      {photoErrors.map((e) => (
        <p key={e} className="m-error" role="alert">
          {e}
        </p>
      ))}
      <button type="button" className="m-button m-secondary" onClick={() => void copyLink()}>
        {t('resident.copy')}
      </button>
      <p className="m-note" role="status">
        {copy === 'done' ? t('resident.copied') : copy === 'failed' ? t('resident.copyFailed') : ''}
      </p>
      <a
        className="m-button m-primary"
        href={path}
        onClick={(e) => {
          e.preventDefault();
          onTrack(path);
        }}
      >
        {t('resident.trackLink')}
      </a>
      <button type="button" className="m-link" onClick={onAnother}>
        {t('resident.another')}
      </button>
    </section>
  );
}
