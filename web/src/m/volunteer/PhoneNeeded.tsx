import { useTranslation } from 'react-i18next';

/** Shown instead of personal data to a resident who has not verified a phone: the button opens the inline verification. */
export function PhoneNeeded({ onVerify, intro }: { onVerify: () => void; intro?: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <p className="m-note">{intro ?? t('residentVolunteer.verifyIntro')}</p>
      <button type="button" className="m-button m-secondary" onClick={onVerify}>
        {t('residentVolunteer.verifyButton')}
      </button>
    </div>
  );
}
