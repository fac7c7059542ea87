import { useTranslation } from 'react-i18next';
import { safeNext, useResident } from './useResident';
import { VerifyPhone } from './VerifyPhone';

/** /m/verify?next=/m/…: verify a phone number, then go on to the page that asked for it. */
export function VerifyPage({ onContinue }: { onContinue: (url: string) => void }) {
  const { t } = useTranslation();
  const { state, refresh, signOut } = useResident();
  const next = safeNext(new URLSearchParams(location.search).get('next'));

  return (
    <>
      <div className="m-form">
        <h1>{t('residentVerify.title')}</h1>
        <p className="m-intro">{t('residentVerify.intro')}</p>
        {state.status === 'anonymous' && state.error && (
          <p className="m-error m-banner" role="alert">
            {state.error}
          </p>
        )}
      </div>
      {state.status === 'loading' && <p className="m-note">{t('residentVerify.loading')}</p>}
      {state.status === 'anonymous' && (
        <VerifyPhone
          onVerified={() => {
            if (next) onContinue(next);
            else void refresh();
          }}
        />
      )}
      {state.status === 'verified' && (
        <section className="m-result" aria-live="polite">
          <p className="m-verified">{t('residentVerify.verified', { phone: state.phoneMasked })}</p>
          {next && (
            <button type="button" className="m-button m-primary" onClick={() => onContinue(next)}>
              {t('residentVerify.continue')}
            </button>
          )}
          <button type="button" className="m-link" onClick={() => void signOut()}>
            {t('residentVerify.signOut')}
          </button>
        </section>
      )}
    </>
  );
}
