import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import type { RedemptionCodeDto } from '@xj/contracts';
import { pointsApi } from './volunteerApi';

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** 兑换码: creates a single-use code and shows its 8 digits big with the time left; the keeper types it in. */
export function RedemptionCode() {
  const { t } = useTranslation();
  const [code, setCode] = useState<RedemptionCodeDto | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [qr, setQr] = useState<string | null>(null);

  // The keeper scans the code's QR image or types its 8 digits.
  useEffect(() => {
    setQr(null);
    if (!code) return;
    let current = true;
    void QRCode.toDataURL(code.code, { margin: 1, width: 220, errorCorrectionLevel: 'M' }).then((url) => current && setQr(url));
    return () => {
      current = false;
    };
  }, [code]);

  useEffect(() => {
    if (!code) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [code]);

  const create = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const c = await pointsApi.newCode();
      setCode(c);
      setNow(Date.now());
      setMessage({ ok: true, text: t('residentVolunteer.codeCreated', { code: c.code }) });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const left = code ? Date.parse(code.expiresAt) - now : 0;
  const live = code !== null && left > 0;

  return (
    <section className="m-form" aria-labelledby="m-code-title" data-testid="points-code">
      <h2 id="m-code-title">{t('residentVolunteer.codeTitle')}</h2>
      <p className="m-intro">{t('residentVolunteer.codeIntro')}</p>
      {live && (
        <div className="m-redeem-box">
          <p className="m-note">{t('residentVolunteer.codeLabel')}</p>
          {qr && <img className="m-redeem-qr" src={qr} width={220} height={220} alt={t('residentVolunteer.codeQrAlt', { code: code.code })} />}
          <p className="m-redeem-code" data-testid="redemption-code">
            {code.code}
          </p>
          <p className="m-note">
            <time dateTime={code.expiresAt}>{t('residentVolunteer.expiresIn', { time: mmss(left) })}</time>
          </p>
        </div>
      )}
      {code && !live && <p className="m-error">{t('residentVolunteer.expired')}</p>}
      <button type="button" className={live ? 'm-button m-secondary' : 'm-button m-primary'} disabled={busy} onClick={() => void create()}>
        {busy ? t('residentVolunteer.creatingCode') : t('residentVolunteer.newCode')}
      </button>
      <p className={message && !message.ok ? 'm-error' : 'm-sr'} role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
