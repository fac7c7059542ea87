import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicPointShopDto } from '@xj/contracts';
import { pointsApi } from './volunteerApi';

/** 红色小店: the shops that honour points, with what they offer (public, no personal data). */
export function RedShops() {
  const { t } = useTranslation();
  const [shops, setShops] = useState<PublicPointShopDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    pointsApi.shops().then((r) => setShops(r.data), (e: Error) => setError(e.message));
  }, []);
  return (
    <section className="m-form" aria-labelledby="m-shops-title" data-testid="points-shops">
      <h2 id="m-shops-title">{t('residentVolunteer.shopsTitle')}</h2>
      <p className="m-intro">{t('residentVolunteer.shopsIntro')}</p>
      {error && (
        <p className="m-error" role="alert">
          {t('residentVolunteer.loadFailed', { message: error })}
        </p>
      )}
      {shops === null && !error && <p className="m-note">{t('residentVolunteer.loading')}</p>}
      {shops?.length === 0 && <p className="m-note">{t('residentVolunteer.shopsEmpty')}</p>}
      <ul className="m-list">
        {shops?.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>
            <span>{[s.communityName, s.nodeName === s.communityName ? null : s.nodeName].filter(Boolean).join(' · ')}</span>
            {s.address && <span>{s.address}</span>}
            {s.services.length > 0 && <span>{t('residentVolunteer.services', { list: s.services.join('、') })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
