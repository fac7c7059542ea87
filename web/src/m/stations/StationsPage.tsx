import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicStationDto, PublicStationListDto } from '@xj/contracts';
import { formatDistance, STATION_PLACE_KIND_LABELS, STATION_SERVICE_LABELS, STATION_SERVICES, type StationService } from '@xj/contracts/domain';
import { pick } from '../../shared/labels';
import { publicApi } from '../api';

type Here = { lat: number; lng: number };
type Locating = 'idle' | 'locating' | 'located' | { failed: string };

/** Opens the point in Amap (高德): the app when installed, its web map otherwise; coordinates are WGS-84. */
const mapLink = (s: PublicStationDto) =>
  `https://uri.amap.com/marker?position=${s.lng},${s.lat}&name=${encodeURIComponent(s.name)}&coordinate=wgs84&callnative=1`;

/** /m/stations: red stations nearest first once the phone shares its location, else by community; filter by a service. */
export default function StationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [here, setHere] = useState<Here | null>(null);
  const [locating, setLocating] = useState<Locating>('idle');
  const [service, setService] = useState<StationService | ''>('');
  const [stations, setStations] = useState<PublicStationDto[] | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | string>('loading');

  const load = useCallback(async (where: Here | null, need: StationService | '') => {
    setState('loading');
    const qs = new URLSearchParams();
    if (where) {
      qs.set('lat', where.lat.toFixed(6));
      qs.set('lng', where.lng.toFixed(6));
    }
    if (need) qs.set('service', need);
    try {
      setStations((await publicApi.get<PublicStationListDto>(`/api/public/red-stations?${qs}`)).data);
      setState('ready');
    } catch (e) {
      setState((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load(here, service);
  }, [load, here, service]);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating({ failed: t('residentStations.locationUnsupported') });
      return;
    }
    setLocating('locating');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setHere({ lat: p.coords.latitude, lng: p.coords.longitude });
        setLocating('located');
      },
      (err) => setLocating({ failed: t('residentStations.locationDenied', { reason: err.message || String(err.code) }) }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  // Without a location the server sorts by community: headings mark where each begins.
  const groups: { community: string | null; items: PublicStationDto[] }[] = [];
  for (const s of stations ?? []) {
    const key = here ? null : s.communityName;
    const last = groups.at(-1);
    if (last && last.community === key) last.items.push(s);
    else groups.push({ community: key, items: [s] });
  }

  return (
    <>
      <h1>{t('residentStations.title')}</h1>
      <p className="m-intro">{t('residentStations.intro')}</p>
      <div className="m-form">
        <button type="button" className="m-button m-primary" onClick={locate} disabled={locating === 'locating'}>
          {locating === 'locating' ? t('residentStations.locating') : t('residentStations.useLocation')}
        </button>
        <p className="m-note" role="status">
          {locating === 'located' ? t('residentStations.located') : typeof locating === 'object' ? locating.failed : locating === 'idle' ? t('residentStations.byCommunity') : ''}
        </p>
        <div className="m-field">
          <label htmlFor="m-station-service">{t('residentStations.service')}</label>
          <select id="m-station-service" value={service} onChange={(e) => setService(e.target.value as StationService | '')}>
            <option value="">{t('residentStations.anyService')}</option>
            {STATION_SERVICES.map((s) => (
              <option key={s} value={s}>
                {pick(STATION_SERVICE_LABELS[s], lang, s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section aria-busy={state === 'loading'} aria-live="polite">
        {state === 'loading' && <p className="m-note">{t('residentStations.loading')}</p>}
        {state !== 'loading' && state !== 'ready' && (
          <p className="m-error m-banner" role="alert">
            {t('residentStations.loadFailed', { message: state })}
          </p>
        )}
        {state === 'ready' && stations?.length === 0 && <p className="m-note">{t('residentStations.none')}</p>}
        {state === 'ready' && !!stations?.length && <p className="m-note">{t('residentStations.count', { count: stations.length })}</p>}
        {groups.map((g) => (
          <div key={g.community ?? 'near'}>
            {g.community && <h2 className="m-station-group">{g.community}</h2>}
            <ul className="m-cards">
              {g.items.map((s) => (
                <li key={s.id} className="m-card m-station" data-testid="station-card">
                  <h3 className="m-station-name">{s.name}</h3>
                  <p className="m-card-meta">
                    {s.distanceMetres !== null && (
                      <strong className="m-station-distance" data-testid="station-distance">
                        {t('residentStations.distance', { distance: formatDistance(s.distanceMetres, lang.startsWith('en') ? 'en' : 'zh') })}
                      </strong>
                    )}
                    <span>{pick(STATION_PLACE_KIND_LABELS[s.placeKind], lang, s.placeKind)}</span>
                    {here && <span>{s.communityName}</span>}
                  </p>
                  <ul className="m-chips" aria-label={t('residentStations.services')}>
                    {s.services.map((x) => (
                      <li key={x} className="m-chip">
                        {pick(STATION_SERVICE_LABELS[x], lang, x)}
                      </li>
                    ))}
                  </ul>
                  <dl className="m-facts">
                    <dt>{t('residentStations.hours')}</dt>
                    <dd>{s.openingHours}</dd>
                    <dt>{t('residentStations.address')}</dt>
                    <dd>{s.address}</dd>
                  </dl>
                  {s.lat !== null && s.lng !== null && (
                    <a className="m-link" href={mapLink(s)} target="_blank" rel="noopener noreferrer" aria-label={t('residentStations.openMapFor', { name: s.name })}>
                      {t('residentStations.openMap')}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
