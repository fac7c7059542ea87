import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionDto, InspectionSeverity } from '@xj/contracts';
import { INSPECTION_SEVERITIES, INSPECTION_SEVERITY_LABELS, RATING_LIMITS } from '@xj/contracts/domain';
import { pick } from '../../shared/labels';
import { useVerifyGate } from '../consult/VerifyGate';
import { PhoneNeeded } from '../volunteer/PhoneNeeded';
import { PropertyLinks } from './PropertyLinks';
import { propertyApi } from './propertyApi';
import { useRoles } from './useRoles';

const PHOTO_TYPES = ['image/jpeg', 'image/png'];

/** /m/property/inspect: a red steward records an inspection (indicator, result, finding, photos, location) and sees their recent ones. */
export default function InspectPage({ onOpen }: { onOpen: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const { resident, gate, panel } = useVerifyGate();
  const verified = resident.status === 'verified';
  const { roles, error } = useRoles(verified);
  const [mine, setMine] = useState<InspectionDto[] | null>(null);
  const loadMine = useCallback(async () => {
    try {
      setMine((await propertyApi.mine()).data);
    } catch {
      setMine([]);
    }
  }, []);
  useEffect(() => {
    if (verified) void loadMine();
  }, [verified, loadMine]);

  return (
    <>
      <PropertyLinks current="inspect" onOpen={onOpen} />
      <div className="m-form">
        <h1>{t('residentProperty.inspectTitle')}</h1>
        {resident.status === 'anonymous' && <PhoneNeeded intro={t('residentProperty.verifyIntro')} onVerify={() => gate(() => undefined)} />}
        {verified && error && (
          <p className="m-error m-banner" role="alert">
            {error}
          </p>
        )}
        {verified && !error && !roles && <p className="m-note">{t('residentProperty.rolesLoading')}</p>}
        {roles && roles.stewardOf.length === 0 && <p className="m-note">{t('residentProperty.notSteward')}</p>}
        {roles && roles.stewardOf.length > 0 && <InspectionForm roles={roles} onSaved={loadMine} />}
      </div>
      {panel}
      {verified && mine && (
        <section aria-labelledby="m-mine-title">
          <h2 id="m-mine-title">{t('residentProperty.mineTitle')}</h2>
          {mine.length === 0 && <p className="m-note">{t('residentProperty.mineEmpty')}</p>}
          <ul className="m-cards">
            {mine.map((i) => (
              <li key={i.id} className="m-card" data-testid="my-inspection">
                <div style={{ padding: 12 }}>
                  <h3 style={{ margin: '0 0 4px', fontSize: 17 }}>
                    {i.compoundName} · {i.indicatorName}
                  </h3>
                  <span className="m-card-meta">
                    <span className="m-status">{pick(INSPECTION_SEVERITY_LABELS[i.severity], i18n.language)}</span>
                    <span>{new Date(i.createdAt).toLocaleString()}</span>
                    {i.ticketCode && <span>{t('residentProperty.ticketed', { code: i.ticketCode })}</span>}
                  </span>
                  <p className="m-text">{i.finding}</p>
                  {i.photoIds.length > 0 && (
                    <ul className="m-thumbs">
                      {i.photoIds.map((p, n) => (
                        <li key={p}>
                          <img src={propertyApi.photoUrl(i.id, p)} alt={t('residentProperty.photoAlt', { n: n + 1 })} loading="lazy" />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function InspectionForm({ roles, onSaved }: { roles: NonNullable<ReturnType<typeof useRoles>['roles']>; onSaved: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [compoundId, setCompoundId] = useState(roles.stewardOf[0]!.compoundId);
  const [indicatorCode, setIndicatorCode] = useState(roles.indicators[0]?.code ?? '');
  const [severity, setSeverity] = useState<InspectionSeverity>('minor');
  const [finding, setFinding] = useState('');
  const [photos, setPhotos] = useState<{ file: File; url: string }[]>([]);
  const [location, setLocation] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const addPhotos = (files: FileList | null) => {
    const next = [...photos];
    for (const file of Array.from(files ?? [])) {
      if (next.length >= RATING_LIMITS.photosMax) {
        setError(t('residentProperty.photosTooMany', { max: RATING_LIMITS.photosMax }));
        break;
      }
      if (PHOTO_TYPES.includes(file.type)) next.push({ file, url: URL.createObjectURL(file) });
    }
    setPhotos(next);
  };
  const locate = () => {
    if (!('geolocation' in navigator)) return setLocating(t('residentProperty.locationUnsupported'));
    setLocating(t('residentProperty.locating'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocation({ lat: Math.round(pos.coords.latitude * 1e6) / 1e6, lng: Math.round(pos.coords.longitude * 1e6) / 1e6 });
        setLocating(null);
      },
      (err) => setLocating(t('residentProperty.locationFailed', { message: err.message })),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = finding.trim();
    if (text.length < RATING_LIMITS.findingMin || text.length > RATING_LIMITS.findingMax) {
      return setError(t('residentProperty.findingInvalid', { min: RATING_LIMITS.findingMin, max: RATING_LIMITS.findingMax }));
    }
    setError(null);
    setSaved(null);
    setBusy(true);
    try {
      const created = await propertyApi.inspect({ compoundId, indicatorCode, severity, finding: text, ...(location ?? {}) });
      let photoError: string | null = null;
      for (const p of photos) {
        try {
          await propertyApi.photo(created.id, p.file);
        } catch (err) {
          photoError = (err as Error).message;
          break;
        }
      }
      photos.forEach((p) => URL.revokeObjectURL(p.url));
      setPhotos([]);
      setFinding('');
      setLocation(null);
      setSaved(photoError ? t('residentProperty.photoFailed', { message: photoError }) : t('residentProperty.inspectionSaved'));
      await onSaved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="m-field">
        <label htmlFor="m-inspect-compound">{t('residentProperty.compound')}</label>
        <select id="m-inspect-compound" value={compoundId} onChange={(e) => setCompoundId(Number(e.target.value))}>
          {roles.stewardOf.map((c) => (
            <option key={c.compoundId} value={c.compoundId}>
              {c.compoundName}
            </option>
          ))}
        </select>
      </div>
      <div className="m-field">
        <label htmlFor="m-inspect-indicator">{t('residentProperty.indicator')}</label>
        <select id="m-inspect-indicator" value={indicatorCode} onChange={(e) => setIndicatorCode(e.target.value)}>
          {roles.indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="m-field m-choices">
        <legend>{t('residentProperty.severity')}</legend>
        {INSPECTION_SEVERITIES.map((s) => (
          <label key={s} className="m-choice">
            <input type="radio" name="m-inspect-severity" checked={severity === s} onChange={() => setSeverity(s)} />
            {pick(INSPECTION_SEVERITY_LABELS[s], i18n.language)}
          </label>
        ))}
      </fieldset>
      <div className="m-field">
        <label htmlFor="m-inspect-finding">{t('residentProperty.finding')}</label>
        <textarea
          id="m-inspect-finding"
          rows={4}
          maxLength={RATING_LIMITS.findingMax}
          value={finding}
          onChange={(e) => setFinding(e.target.value)}
          aria-describedby="m-inspect-finding-hint"
        />
        <p id="m-inspect-finding-hint" className="m-note">
          {t('residentProperty.findingHint', { min: RATING_LIMITS.findingMin, max: RATING_LIMITS.findingMax })}
        </p>
      </div>
      <div className="m-field">
        <span className="m-label" id="m-inspect-photos-label">
          {t('residentProperty.photos', { max: RATING_LIMITS.photosMax })}
        </span>
        {photos.length > 0 && (
          <ul className="m-thumbs" aria-labelledby="m-inspect-photos-label">
            {photos.map((p, n) => (
              <li key={p.url}>
                <img src={p.url} alt={t('residentProperty.photoAlt', { n: n + 1 })} />
              </li>
            ))}
          </ul>
        )}
        {photos.length < RATING_LIMITS.photosMax && (
          <label className="m-button m-secondary m-file">
            {t('resident.addPhoto')}
            <input
              type="file"
              accept="image/jpeg,image/png"
              capture="environment"
              multiple
              data-testid="inspection-photo"
              onChange={(e) => {
                addPhotos(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        )}
      </div>
      <div className="m-field">
        <span className="m-label">{t('residentProperty.location')}</span>
        {location ? (
          <p className="m-note" role="status">
            {t('residentProperty.located', { latitude: location.lat, longitude: location.lng })}{' '}
            <button type="button" className="m-link m-inline-link" onClick={() => setLocation(null)}>
              {t('residentProperty.clearLocation')}
            </button>
          </p>
        ) : (
          <button type="button" className="m-button m-secondary" onClick={locate}>
            {t('residentProperty.useLocation')}
          </button>
        )}
        {locating && (
          <p className="m-note" role="status">
            {locating}
          </p>
        )}
      </div>
      {error && (
        <p className="m-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="m-note" role="status" data-testid="inspection-saved">
          {saved}
        </p>
      )}
      <button type="submit" className="m-button m-primary" disabled={busy}>
        {busy ? t('residentProperty.submitting') : t('residentProperty.submitInspection')}
      </button>
    </form>
  );
}
