import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeeperRedemptionDto, PublicPointShopDto } from '@xj/contracts';
import { POINT_LIMITS } from '@xj/contracts/domain';
import { formatTime } from '../consult/consultApi';
import { useVerifyGate } from '../consult/VerifyGate';
import { PhoneNeeded } from './PhoneNeeded';
import { SectionLinks } from './SectionLinks';
import { pointsApi } from './volunteerApi';

type Field = 'code' | 'points' | 'item';
const CODE = new RegExp(`^\\d{${POINT_LIMITS.codeDigits}}$`);

/** /m/points/redeem: a red shop's keeper types a member's code, the points and the item; the shop's recent redemptions. */
export default function RedeemPage({ onOpen }: { onOpen: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const { resident, gate, panel } = useVerifyGate();
  const [shops, setShops] = useState<PublicPointShopDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shopId, setShopId] = useState<number | null>(null);
  const [code, setCode] = useState('');
  const [points, setPoints] = useState('');
  const [item, setItem] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [recent, setRecent] = useState<KeeperRedemptionDto[] | null>(null);

  useEffect(() => {
    if (resident.status !== 'verified') return;
    pointsApi.myShops().then(
      (r) => {
        setShops(r.data);
        setShopId(r.data[0]?.id ?? null);
      },
      (e: Error) => setLoadError(e.message),
    );
  }, [resident.status]);
  const loadRecent = useCallback(async (id: number) => {
    setRecent((await pointsApi.shopRedemptions(id).catch(() => null))?.data ?? null);
  }, []);
  useEffect(() => {
    if (shopId !== null) void loadRecent(shopId);
  }, [shopId, loadRecent]);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const n = Number(points);
    const e: Partial<Record<Field, string>> = {};
    if (!CODE.test(code.trim())) e.code = t('residentVolunteer.codeInvalidFormat');
    if (!Number.isInteger(n) || n < 1 || n > POINT_LIMITS.redeemMax) e.points = t('residentVolunteer.pointsInvalid');
    if (!item.trim()) e.item = t('residentVolunteer.itemRequired');
    setErrors(e);
    const first = (['code', 'points', 'item'] as const).find((f) => e[f]);
    if (first) {
      document.getElementById(`m-redeem-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const r = await pointsApi.redeem({ shopId: shopId!, code: code.trim(), points: n, item: item.trim() });
      setResult({ ok: true, text: t('residentVolunteer.redeemed', { name: r.memberName, points: r.points, item: r.item }) });
      setCode('');
      setPoints('');
      setItem('');
      await loadRecent(shopId!);
    } catch (err) {
      // INSUFFICIENT_POINTS, REDEMPTION_CODE_INVALID, …: the server's words.
      setResult({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, input: React.ReactNode) => (
    <div className="m-field">
      <label htmlFor={`m-redeem-${name}`}>{label}</label>
      {input}
      {errors[name] && (
        <p id={`m-redeem-${name}-error`} className="m-error">
          {errors[name]}
        </p>
      )}
    </div>
  );
  const invalid = (name: Field) => ({ 'aria-invalid': !!errors[name], 'aria-describedby': errors[name] ? `m-redeem-${name}-error` : undefined });

  return (
    <>
      <SectionLinks current="redeem" onOpen={onOpen} />
      <section className="m-form" aria-labelledby="m-redeem-title">
        <h1 id="m-redeem-title">{t('residentVolunteer.redeemTitle')}</h1>
        <p className="m-intro">{t('residentVolunteer.redeemIntro')}</p>
        {resident.status === 'anonymous' && <PhoneNeeded onVerify={() => gate(() => undefined)} intro={t('residentVolunteer.redeemIntro')} />}
        {loadError && (
          <p className="m-error m-banner" role="alert">
            {loadError}
          </p>
        )}
        {shops?.length === 0 && <p className="m-note m-banner">{t('residentVolunteer.notKeeper')}</p>}
        {shops && shops.length > 0 && (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <div className="m-field">
              <label htmlFor="m-redeem-shop">{t('residentVolunteer.shop')}</label>
              <select id="m-redeem-shop" value={shopId ?? ''} onChange={(e) => setShopId(Number(e.target.value))}>
                {shops.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            {field(
              'code',
              t('residentVolunteer.memberCode'),
              <input id="m-redeem-code" className="m-code" inputMode="numeric" autoComplete="off" maxLength={POINT_LIMITS.codeDigits} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} {...invalid('code')} />,
            )}
            {field(
              'points',
              t('residentVolunteer.redeemPoints'),
              <input id="m-redeem-points" inputMode="numeric" autoComplete="off" value={points} onChange={(e) => setPoints(e.target.value.replace(/\D/g, ''))} {...invalid('points')} />,
            )}
            {field('item', t('residentVolunteer.item'), <input id="m-redeem-item" maxLength={POINT_LIMITS.itemMax} value={item} onChange={(e) => setItem(e.target.value)} {...invalid('item')} />)}
            <button type="submit" className="m-button m-primary" disabled={busy}>
              {busy ? t('residentVolunteer.redeeming') : t('residentVolunteer.redeem')}
            </button>
          </form>
        )}
        <p className={result && !result.ok ? 'm-error' : 'm-verified m-big'} role="status" data-testid="redeem-result">
          {result?.text ?? ''}
        </p>
      </section>
      {panel}
      {shopId !== null && (
        <section className="m-form" aria-labelledby="m-recent-title" data-testid="redeem-recent">
          <h2 id="m-recent-title">{t('residentVolunteer.recent')}</h2>
          {recent?.length === 0 && <p className="m-note">{t('residentVolunteer.recentEmpty')}</p>}
          <ul className="m-list">
            {recent?.map((r) => (
              <li key={r.redemptionId}>
                <span>{t('residentVolunteer.recentItem', { name: r.memberName, points: r.points, item: r.item })}</span>
                <time dateTime={r.createdAt}>{formatTime(r.createdAt, i18n.language)}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
