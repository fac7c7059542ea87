import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TOPIC_LIMITS } from '@xj/contracts/domain';
import { PlacePicker } from '../PlacePicker';
import { consultApi } from './consultApi';

type Field = 'title' | 'description' | 'place';

/** 提议题: title, description and the community or compound; submitting asks for a verified phone first. */
export function RaiseTopic({ gate, onRaised }: { gate: (action: () => Promise<void>) => void; onRaised: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const send = async () => {
    setBusy(true);
    setResult(null);
    try {
      await consultApi.raise({ title: title.trim(), description: description.trim(), nodeId: nodeId! });
      setTitle('');
      setDescription('');
      setNodeId(null);
      setPickerKey((k) => k + 1);
      setResult({ ok: true, text: t('residentConsult.raised') });
      onRaised();
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Partial<Record<Field, string>> = {};
    if (!title.trim()) e.title = t('residentConsult.topicTitleRequired');
    if (!description.trim()) e.description = t('residentConsult.topicDescriptionRequired');
    if (nodeId === null) e.place = t('residentConsult.placeRequired');
    setErrors(e);
    if (Object.keys(e).length > 0) {
      document.getElementById(e.title ? 'm-raise-title' : e.description ? 'm-raise-description' : 'm-place-community')?.focus();
      return;
    }
    gate(send);
  };

  return (
    <section className="m-form" aria-labelledby="m-raise-heading">
      <h2 id="m-raise-heading">{t('residentConsult.raiseTitle')}</h2>
      <p className="m-intro">{t('residentConsult.raiseIntro')}</p>
      {!open ? (
        <button type="button" className="m-button m-secondary" aria-expanded={false} aria-controls="m-raise-form" onClick={() => setOpen(true)}>
          {t('residentConsult.raiseOpen')}
        </button>
      ) : (
        <form id="m-raise-form" onSubmit={submit} noValidate>
          <div className="m-field">
            <label htmlFor="m-raise-title">{t('residentConsult.topicTitle')}</label>
            <input
              id="m-raise-title"
              value={title}
              maxLength={TOPIC_LIMITS.titleMax}
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={!!errors.title}
              aria-describedby={errors.title ? 'm-raise-title-error' : undefined}
            />
            {errors.title && (
              <p id="m-raise-title-error" className="m-error">
                {errors.title}
              </p>
            )}
          </div>
          <div className="m-field">
            <label htmlFor="m-raise-description">{t('residentConsult.topicDescription')}</label>
            <textarea
              id="m-raise-description"
              rows={4}
              value={description}
              maxLength={TOPIC_LIMITS.descriptionMax}
              placeholder={t('residentConsult.topicDescriptionHint')}
              onChange={(e) => setDescription(e.target.value)}
              aria-invalid={!!errors.description}
              aria-describedby={errors.description ? 'm-raise-description-error' : undefined}
            />
            {errors.description && (
              <p id="m-raise-description-error" className="m-error">
                {errors.description}
              </p>
            )}
          </div>
          <PlacePicker key={pickerKey} depth={2} legend={t('residentConsult.place')} requiredText={t('residentConsult.placeRequired')} invalid={!!errors.place} onChange={setNodeId} />
          <button type="submit" className="m-button m-primary" disabled={busy}>
            {busy ? t('residentConsult.raising') : t('residentConsult.raise')}
          </button>
        </form>
      )}
      <p className={result && !result.ok ? 'm-error' : 'm-verified'} role="status">
        {result?.text ?? ''}
      </p>
    </section>
  );
}
