import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyPointsDto } from '@xj/contracts';
import { formatTime } from '../consult/consultApi';
import { useVerifyGate } from '../consult/VerifyGate';
import { PhoneNeeded } from './PhoneNeeded';
import { RedemptionCode } from './RedemptionCode';
import { RedShops } from './RedShops';
import { SectionLinks } from './SectionLinks';
import { pointsApi } from './volunteerApi';

/** /m/points: my balance, this month's earnings, the statement, a redemption code, and the red shops honouring points. */
export default function PointsPage({ onOpen }: { onOpen: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const { resident, gate, panel } = useVerifyGate();
  const [points, setPoints] = useState<MyPointsDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (resident.status !== 'verified') return;
    // A resident whose phone is not in the community register gets the server's explanation (RESIDENT_NOT_LINKED).
    pointsApi.me().then(setPoints, (e: Error) => setError(e.message));
  }, [resident.status]);

  const lang = i18n.language;
  return (
    <>
      <SectionLinks current="points" onOpen={onOpen} />
      <section className="m-form" aria-labelledby="m-points-title" data-testid="points-balance">
        <h1 id="m-points-title">{t('residentVolunteer.pointsTitle')}</h1>
        {resident.status === 'anonymous' && <PhoneNeeded onVerify={() => gate(() => undefined)} />}
        {error && (
          <p className="m-error m-banner" role="alert">
            {error}
          </p>
        )}
        {points && (
          <>
            <p className="m-balance">
              <span>{t('residentVolunteer.balance')}</span>
              <strong data-testid="points-balance-value">{points.balance}</strong>
            </p>
            <p className="m-note">{t('residentVolunteer.thisMonth', { count: points.thisMonthEarned })}</p>
          </>
        )}
      </section>
      {panel}
      {points && <RedemptionCode />}
      {points && (
        <section className="m-form" aria-labelledby="m-statement-title" data-testid="points-statement">
          <h2 id="m-statement-title">{t('residentVolunteer.statement')}</h2>
          {points.entries.length === 0 && <p className="m-note">{t('residentVolunteer.statementEmpty')}</p>}
          <ul className="m-list">
            {points.entries.map((e) => (
              <li key={e.id} data-testid="points-entry">
                <span className="m-entry-head">
                  <strong>{e.label}</strong>
                  <span className={e.delta < 0 ? 'm-delta-out' : 'm-delta-in'}>{e.delta > 0 ? `+${e.delta}` : e.delta}</span>
                </span>
                {e.note && <span>{e.note}</span>}
                <span className="m-entry-head">
                  <time dateTime={e.createdAt}>{formatTime(e.createdAt, lang)}</time>
                  <span className="m-small-text">{t('residentVolunteer.balanceAfter', { count: e.balanceAfter })}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <RedShops />
    </>
  );
}
