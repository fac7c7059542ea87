import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTicketCreate, PublicTicketCreated } from '@xj/contracts';
import { isValidPhone, TICKET_LIMITS, TICKET_PHOTO_LIMITS, TICKET_PHOTO_TYPES } from '@xj/contracts/domain';
import { publicApi, PublicApiError } from './api';
import { PlacePicker } from './PlacePicker';
import { Result } from './Result';

type Field = 'category' | 'place' | 'description' | 'name' | 'phone';
const MAX_MB = TICKET_PHOTO_LIMITS.bytes / 1024 / 1024;

/** /m/report: category, place, description, photos, optional location, name and phone. */
export function ReportPage({ onTrack }: { onTrack: (url: string) => void }) {
  const { t } = useTranslation();
  const [categories, setCategories] = useState<{ id: number; name: string }[]>([]);
  const [categoryId, setCategoryId] = useState('');
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [photos, setPhotos] = useState<{ file: File; url: string }[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ created: PublicTicketCreated; photoErrors: string[] } | null>(null);

  useEffect(() => {
    publicApi
      .get<{ data: { id: number; name: string }[] }>('/api/public/ticket-categories')
      .then((r) => setCategories(r.data))
      .catch((e: Error) => setFailure(e.message));
  }, []);

  const addPhotos = (files: FileList | null) => {
    setPhotoError(null);
    const next = [...photos];
    for (const file of Array.from(files ?? [])) {
      if (next.length >= TICKET_PHOTO_LIMITS.perStage) break;
      if (!(file.type in TICKET_PHOTO_TYPES)) setPhotoError(t('resident.photoType'));
      else if (file.size > TICKET_PHOTO_LIMITS.bytes) setPhotoError(t('resident.photoTooLarge', { name: file.name, mb: MAX_MB }));
      else next.push({ file, url: URL.createObjectURL(file) });
    }
    setPhotos(next);
  };
  const removePhoto = (i: number) => {
    URL.revokeObjectURL(photos[i]!.url);
    setPhotos(photos.filter((_, j) => j !== i));
  };

  const locate = () => {
    if (!('geolocation' in navigator)) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 });
        setLocating('idle');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const validate = (): Partial<Record<Field, string>> => {
    const e: Partial<Record<Field, string>> = {};
    if (!categoryId) e.category = t('resident.categoryRequired');
    if (nodeId === null) e.place = t('resident.placeRequired');
    if (!description.trim()) e.description = t('resident.descriptionRequired');
    if (!name.trim()) e.name = t('resident.nameRequired');
    if (!isValidPhone(phone.replace(/\s/g, ''))) e.phone = t('resident.phoneInvalid');
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    setFailure(null);
    if (Object.keys(e).length > 0) {
      document.getElementById(`m-${Object.keys(e)[0]}`)?.focus();
      return;
    }
    const body: PublicTicketCreate = {
      categoryId: Number(categoryId),
      nodeId: nodeId!,
      description: description.trim(),
      reporterName: name.trim(),
      reporterPhone: phone.replace(/\s/g, ''),
      ...(address.trim() ? { address: address.trim() } : {}),
      ...(position ?? {}),
    };
    setBusy(t('resident.submitting'));
    try {
      const created = await publicApi.post<PublicTicketCreated>('/api/public/tickets', body);
      const photoErrors: string[] = [];
      for (const [i, p] of photos.entries()) {
        setBusy(t('resident.uploading', { n: i + 1, total: photos.length }));
        await publicApi.upload(`/api/public/tickets/${created.code}/photos`, p.file, created.trackingKey).catch((err: Error) => {
          photoErrors.push(t('resident.photoFailed', { n: i + 1, message: err.message }));
        });
      }
      setDone({ created, photoErrors });
      scrollTo(0, 0);
    } catch (err) {
      setFailure(err instanceof PublicApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const reset = () => {
    photos.forEach((p) => URL.revokeObjectURL(p.url));
    setPhotos([]);
    setDescription('');
    setAddress('');
    setNodeId(null);
    setPickerKey((k) => k + 1);
    setDone(null);
  };

  if (done) return <Result created={done.created} photoErrors={done.photoErrors} onTrack={onTrack} onAnother={reset} />;

  const describedBy = (field: Field, hint?: string) => [errors[field] ? `m-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    errors[field] && (
      <p id={`m-${field}-error`} className="m-error">
        {errors[field]}
      </p>
    );

  return (
    <form className="m-form" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{t('resident.reportTitle')}</h1>
      <p className="m-intro">{t('resident.intro')}</p>

      <div className="m-field">
        <label htmlFor="m-category">{t('resident.category')}</label>
        <select id="m-category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} aria-invalid={!!errors.category} aria-describedby={describedBy('category')}>
          <option value="">{t('resident.choose')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {fieldError('category')}
      </div>

      <PlacePicker key={pickerKey} onChange={setNodeId} invalid={!!errors.place} />

      <div className="m-field">
        <label htmlFor="m-address">{t('resident.address')}</label>
        <input id="m-address" value={address} maxLength={TICKET_LIMITS.addressMax} onChange={(e) => setAddress(e.target.value)} autoComplete="street-address" />
      </div>

      <div className="m-field">
        <label htmlFor="m-description">{t('resident.description')}</label>
        <textarea
          id="m-description"
          rows={4}
          value={description}
          maxLength={TICKET_LIMITS.descriptionMax}
          placeholder={t('resident.descriptionHint')}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={!!errors.description}
          aria-describedby={describedBy('description')}
        />
        {fieldError('description')}
      </div>

      <div className="m-field">
        <span className="m-label" id="m-photos-label">
          {t('resident.photos', { max: TICKET_PHOTO_LIMITS.perStage })}
        </span>
        {photos.length > 0 && (
          <ul className="m-thumbs" aria-labelledby="m-photos-label">
            {photos.map((p, i) => (
              <li key={p.url}>
                <img src={p.url} alt={t('resident.photoAlt', { n: i + 1 })} />
                <button type="button" className="m-thumb-remove" onClick={() => removePhoto(i)} aria-label={t('resident.removePhoto', { n: i + 1 })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {photos.length < TICKET_PHOTO_LIMITS.perStage && (
          <label className="m-button m-secondary m-file">
            {t('resident.addPhoto')}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              onChange={(e) => {
                addPhotos(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        )}
        {photoError && (
          <p className="m-error" role="alert">
            {photoError}
          </p>
        )}
      </div>

      <div className="m-field">
        {position ? (
          <p className="m-note">
            {/* i18next reads an option named `lng` as the language: pass the longitude as `lon`. */}
            {t('resident.located', { lat: position.lat, lon: position.lng })}{' '}
            <button type="button" className="m-link" onClick={() => setPosition(null)}>
              {t('resident.clearLocation')}
            </button>
          </p>
        ) : (
          <button type="button" className="m-button m-secondary" onClick={locate} disabled={locating === 'busy'}>
            {locating === 'busy' ? t('resident.locating') : t('resident.location')}
          </button>
        )}
        {locating === 'failed' && <p className="m-note">{t('resident.locationFailed')}</p>}
      </div>

      <div className="m-field">
        <label htmlFor="m-name">{t('resident.name')}</label>
        <input id="m-name" value={name} maxLength={TICKET_LIMITS.reporterNameMax} onChange={(e) => setName(e.target.value)} autoComplete="name" aria-invalid={!!errors.name} aria-describedby={describedBy('name')} />
        {fieldError('name')}
      </div>

      <div className="m-field">
        <label htmlFor="m-phone">{t('resident.phone')}</label>
        <input
          id="m-phone"
          type="tel"
          inputMode="tel"
          value={phone}
          maxLength={20}
          onChange={(e) => setPhone(e.target.value)}
          autoComplete="tel"
          aria-invalid={!!errors.phone}
          aria-describedby={describedBy('phone', 'm-phone-hint')}
        />
        <p id="m-phone-hint" className="m-note">
          {t('resident.phoneHint')}
        </p>
        {fieldError('phone')}
      </div>

      {failure && (
        <p className="m-error m-banner" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="m-button m-primary" disabled={busy !== null}>
        {busy ?? t('resident.submit')}
      </button>
    </form>
  );
}
