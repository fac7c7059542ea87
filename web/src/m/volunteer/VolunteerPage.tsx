import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPE_LABELS } from '@xj/contracts/domain';
import { pick } from '../../shared/labels';
import { useVerifyGate } from '../consult/VerifyGate';
import { pointsText, timeText } from './activityText';
import { MyService } from './MyService';
import { PhoneNeeded } from './PhoneNeeded';
import { SectionLinks } from './SectionLinks';
import { volunteerApi, VOLUNTEER_PATHS } from './volunteerApi';
import { useMorePages } from '../useMorePages';

/** /m/volunteer: the 志愿积分 hub, upcoming activities, and (verified) 我的服务. */
export default function VolunteerPage({ onOpen }: { onOpen: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const { resident, gate, panel } = useVerifyGate();
  const { items: activities, total, page, state, load } = useMorePages(volunteerApi.activities);
  const failed = state !== 'loading' && state !== 'ready';
  const lang = i18n.language;

  return (
    <>
      <SectionLinks current="activities" onOpen={onOpen} />
      <div className="m-form">
        <h1>{t('residentVolunteer.title')}</h1>
        <p className="m-intro">{t('residentVolunteer.intro')}</p>
      </div>
      <section aria-labelledby="m-activities-title" aria-busy={state === 'loading'}>
        <h2 id="m-activities-title">{t('residentVolunteer.listTitle')}</h2>
        {failed && (
          <p className="m-error m-banner" role="alert">
            {t('residentVolunteer.loadFailed', { message: state })}{' '}
            <button type="button" className="m-link m-inline-link" onClick={() => void load(page)}>
              {t('residentVolunteer.retry')}
            </button>
          </p>
        )}
        {state === 'ready' && activities.length === 0 && <p className="m-note">{t('residentVolunteer.empty')}</p>}
        <ul className="m-cards">
          {activities.map((a) => (
            <li key={a.id} className="m-card" data-testid="volunteer-activity">
              <a
                href={VOLUNTEER_PATHS.activity(a.id)}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(VOLUNTEER_PATHS.activity(a.id));
                }}
              >
                <span className="m-card-title">{a.title}</span>
                <span className="m-card-meta">
                  <span className="m-status">{pick(ACTIVITY_TYPE_LABELS[a.type], lang)}</span>
                  <span>{timeText(a, lang)}</span>
                </span>
                <span className="m-card-meta">
                  <span>
                    {a.communityName === a.nodeName ? a.communityName : `${a.communityName} · ${a.nodeName}`} · {a.place}
                  </span>
                </span>
                <span className="m-card-counts">
                  <span className={a.full ? 'm-full' : undefined}>{a.full ? t('residentVolunteer.full') : t('residentVolunteer.placesLeft', { count: a.capacity - a.signedUpCount })}</span>
                  <span>{pointsText(a, t)}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
        {state === 'loading' && <p className="m-note">{t('residentVolunteer.loading')}</p>}
        {state === 'ready' && activities.length < total && (
          <button type="button" className="m-button m-secondary" onClick={() => void load(page + 1)}>
            {t('residentVolunteer.more')}
          </button>
        )}
      </section>
      <section className="m-form" aria-labelledby="m-my-service-title" data-testid="volunteer-my-service">
        <h2 id="m-my-service-title">{t('residentVolunteer.myTitle')}</h2>
        {resident.status === 'verified' ? <MyService onOpen={onOpen} /> : resident.status === 'anonymous' && <PhoneNeeded onVerify={() => gate(() => undefined)} />}
      </section>
      {panel}
    </>
  );
}
