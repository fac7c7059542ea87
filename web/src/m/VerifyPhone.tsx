import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentCodeSent } from '@xj/contracts';
import { isValidMobile, RESIDENT_CODE_RULES } from '@xj/contracts/domain';
import { PublicApiError, residentApi } from './api';

const CODE_PATTERN = new RegExp(`^\\d{${RESIDENT_CODE_RULES.length}}$`);
const digits = (s: string) => s.replace(/[\s-]/g, '');

/**
 * Phone number → 获取验证码 (then a countdown until another may be asked for) → code → 验证.
 * On success the server has set the resident session cookie; `onVerified` gets the masked phone.
 */
export function VerifyPhone({ onVerified }: { onVerified: (phoneMasked: string) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState<'send' | 'verify' | null>(null);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  const wait = Math.max(0, Math.ceil((resendAt - now) / 1000));
  const counting = wait > 0;
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [counting]);

  /** A 429 says how long to wait: the button counts it down. */
  const waitFrom = (e: unknown) => {
    const seconds = e instanceof PublicApiError && e.status === 429 ? (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
    if (seconds && seconds > 0) {
      setNow(Date.now());
      setResendAt(Date.now() + seconds * 1000);
    }
  };

  const send = async () => {
    const p = digits(phone);
    if (!isValidMobile(p)) return setPhoneError(t('residentVerify.phoneInvalid'));
    setPhoneError(null);
    setCodeError(null);
    setBusy('send');
    try {
      const sent = await residentApi.post<ResidentCodeSent>('/api/public/resident/code', { phone: p });
      setSentTo(t('residentVerify.sentTo', { phone: sent.phoneMasked, minutes: Math.round(sent.expiresInSeconds / 60) }));
      setNow(Date.now());
      setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
      codeInput.current?.focus();
    } catch (e) {
      setSentTo(null);
      setPhoneError((e as Error).message);
      waitFrom(e);
    } finally {
      setBusy(null);
    }
  };

  const verify = async (ev: FormEvent) => {
    ev.preventDefault();
    const p = digits(phone);
    if (!isValidMobile(p)) return setPhoneError(t('residentVerify.phoneInvalid'));
    if (!CODE_PATTERN.test(code.trim())) return setCodeError(t(sentTo ? 'residentVerify.codeInvalid' : 'residentVerify.codeFirst', { length: RESIDENT_CODE_RULES.length }));
    setCodeError(null);
    setBusy('verify');
    try {
      const res = await residentApi.post<{ phoneMasked: string }>('/api/public/resident/verify', { phone: p, code: code.trim() });
      onVerified(res.phoneMasked);
    } catch (e) {
      setCodeError((e as Error).message);
      waitFrom(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="m-form" onSubmit={(e) => void verify(e)} noValidate>
      <div className="m-field">
        <label htmlFor="m-verify-phone">{t('residentVerify.phone')}</label>
        <div className="m-inline">
          <input
            id="m-verify-phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel-national"
            maxLength={13}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            aria-invalid={!!phoneError}
            aria-describedby={phoneError ? 'm-verify-phone-error' : sentTo ? 'm-verify-sent' : undefined}
          />
          <button type="button" className="m-button m-secondary m-inline-button" onClick={() => void send()} disabled={busy !== null || wait > 0}>
            {busy === 'send' ? t('residentVerify.sending') : wait > 0 ? t('residentVerify.resendIn', { seconds: wait }) : t('residentVerify.getCode')}
          </button>
        </div>
        {phoneError && (
          <p id="m-verify-phone-error" className="m-error" role="alert">
            {phoneError}
          </p>
        )}
        {sentTo && !phoneError && (
          <p id="m-verify-sent" className="m-note" role="status">
            {sentTo}
          </p>
        )}
      </div>
      <div className="m-field">
        <label htmlFor="m-verify-code">{t('residentVerify.code')}</label>
        <input
          id="m-verify-code"
          ref={codeInput}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={RESIDENT_CODE_RULES.length}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          aria-invalid={!!codeError}
          aria-describedby={codeError ? 'm-verify-code-error' : undefined}
        />
        {codeError && (
          <p id="m-verify-code-error" className="m-error" role="alert">
            {codeError}
          </p>
        )}
      </div>
      <button type="submit" className="m-button m-primary" disabled={busy !== null}>
        {busy === 'verify' ? t('residentVerify.verifying') : t('residentVerify.verify')}
      </button>
    </form>
  );
}
