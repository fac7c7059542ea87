import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyDualRegistrationDto, PublicNodeDto } from '@xj/contracts';
import { VOLUNTEER_LIMITS } from '@xj/contracts/domain';
import { publicApi } from '../api';
import { formatTime } from '../consult/consultApi';
import { useVerifyGate } from '../consult/VerifyGate';
import { PlacePicker } from '../PlacePicker';
import { PhoneNeeded } from './PhoneNeeded';
import { SectionLinks } from './SectionLinks';
import { volunteerApi } from './volunteerApi';

const OTHER = 'other';
type Field = 'place' | 'workplace';

/** /m/volunteer/register: 双报到 — the compound where the member lives and their workplace; their registrations and the branch's decisions. */
export default function RegisterPage({ onOpen }: { onOpen: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const { resident, gate, panel } = useVerifyGate();
  // PlacePicker reports the deepest node chosen: a community id means no compound was picked yet.
  const [communityIds, setCommunityIds] = useState<Set<number>>(new Set());
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [orgs, setOrgs] = useState<{ id: number; name: string }[]>([]);
  const [orgChoice, setOrgChoice] = useState('');
  const [orgName, setOrgName] = useState('');
  const [pickerKey, setPickerKey] = useState(0);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [mine, setMine] = useState<MyDualRegistrationDto[] | null>(null);
  const [mineError, setMineError] = useState<string | null>(null);

  const compoundId = nodeId !== null && !communityIds.has(nodeId) ? nodeId : null;
  useEffect(() => {
    publicApi.get<{ data: PublicNodeDto[] }>('/api/public/nodes').then(
      (r) => setCommunityIds(new Set(r.data.map((n) => n.id))),
      () => undefined,
    );
  }, []);
  const verified = resident.status === 'verified';
  useEffect(() => {
    setOrgs([]);
    setOrgChoice('');
    // The list of registered workplaces is for verified residents; without it the name is typed.
    if (compoundId !== null && verified) volunteerApi.workplaceOrgs(compoundId).then((r) => setOrgs(r.data), () => undefined);
  }, [compoundId, verified]);
  const loadMine = useCallback(async () => {
    try {
      setMine((await volunteerApi.myRegistrations()).data);
      setMineError(null);
    } catch (e) {
      setMineError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    if (verified) void loadMine();
  }, [verified, loadMine]);

  const typed = orgs.length === 0 || orgChoice === OTHER;
  const send = async () => {
    setBusy(true);
    setResult(null);
    try {
      await volunteerApi.register(typed ? { compoundId: compoundId!, workplaceOrgName: orgName.trim() } : { compoundId: compoundId!, workplaceOrgId: Number(orgChoice) });
      setNodeId(null);
      setOrgChoice('');
      setOrgName('');
      setPickerKey((k) => k + 1);
      setResult({ ok: true, text: t('residentVolunteer.registered') });
      await loadMine();
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Partial<Record<Field, string>> = {};
    if (compoundId === null) e.place = t('residentVolunteer.compoundRequired');
    if (typed ? !orgName.trim() : !orgChoice) e.workplace = t('residentVolunteer.workplaceRequired');
    setErrors(e);
    if (e.place) document.getElementById(nodeId === null ? 'm-place-community' : 'm-place-compound')?.focus();
    else if (e.workplace) document.getElementById(typed ? 'm-register-org-name' : 'm-register-org')?.focus();
    if (Object.keys(e).length === 0) gate(send);
  };

  return (
    <>
      <SectionLinks current="register" onOpen={onOpen} />
      <section className="m-form" aria-labelledby="m-register-title">
        <h1 id="m-register-title">{t('residentVolunteer.registerTitle')}</h1>
        <p className="m-intro">{t('residentVolunteer.registerIntro')}</p>
        <form onSubmit={submit} noValidate>
          <PlacePicker key={pickerKey} depth={2} legend={t('residentVolunteer.registerPlace')} requiredText={errors.place} invalid={!!errors.place} onChange={setNodeId} />
          {orgs.length > 0 && (
            <div className="m-field">
              <label htmlFor="m-register-org">{t('residentVolunteer.workplace')}</label>
              <select
                id="m-register-org"
                value={orgChoice}
                onChange={(e) => setOrgChoice(e.target.value)}
                aria-invalid={!typed && !!errors.workplace}
                aria-describedby={!typed && errors.workplace ? 'm-register-org-error' : undefined}
              >
                <option value="">{t('residentVolunteer.workplaceChoose')}</option>
                {orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
                <option value={OTHER}>{t('residentVolunteer.workplaceOther')}</option>
              </select>
              {!typed && errors.workplace && (
                <p id="m-register-org-error" className="m-error">
                  {errors.workplace}
                </p>
              )}
            </div>
          )}
          {typed && (
            <div className="m-field">
              <label htmlFor="m-register-org-name">{orgs.length > 0 ? t('residentVolunteer.workplaceName') : t('residentVolunteer.workplace')}</label>
              <input
                id="m-register-org-name"
                value={orgName}
                maxLength={VOLUNTEER_LIMITS.orgNameMax}
                onChange={(e) => setOrgName(e.target.value)}
                aria-invalid={!!errors.workplace}
                aria-describedby={errors.workplace ? 'm-register-org-name-error' : undefined}
              />
              {errors.workplace && (
                <p id="m-register-org-name-error" className="m-error">
                  {errors.workplace}
                </p>
              )}
            </div>
          )}
          <button type="submit" className="m-button m-primary" disabled={busy}>
            {busy ? t('residentVolunteer.submitting') : t('residentVolunteer.submitRegistration')}
          </button>
        </form>
        <p className={result && !result.ok ? 'm-error' : 'm-verified'} role="status">
          {result?.text ?? ''}
        </p>
      </section>
      {panel}
      <section className="m-form" aria-labelledby="m-my-registrations-title" data-testid="volunteer-my-registrations">
        <h2 id="m-my-registrations-title">{t('residentVolunteer.myRegistrations')}</h2>
        {!verified && resident.status === 'anonymous' && <PhoneNeeded onVerify={() => gate(() => undefined)} />}
        {mineError && (
          <p className="m-error" role="alert">
            {t('residentVolunteer.loadFailed', { message: mineError })}
          </p>
        )}
        {mine && mine.length === 0 && <p className="m-note">{t('residentVolunteer.noRegistrations')}</p>}
        <ul className="m-list">
          {mine?.map((r) => (
            <li key={r.id}>
              <strong>{r.compoundName}</strong>
              <span>{r.workplaceOrgName}</span>
              <span>
                <span className="m-status">{t(`residentVolunteer.registrationStatus.${r.status}`)}</span>
              </span>
              {r.declineReason && <span className="m-error">{t('residentVolunteer.declineReason', { reason: r.declineReason })}</span>}
              <time dateTime={r.createdAt}>{t('residentVolunteer.submittedAt', { time: formatTime(r.createdAt, i18n.language) })}</time>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
