import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useResident, type ResidentState } from '../useResident';
import { VerifyPhone } from '../VerifyPhone';

type Action = () => void | Promise<void>;

/**
 * Taking part needs a verified phone. `gate(action)` runs the action at once for a verified
 * resident; otherwise it shows the inline verification (`panel`) and runs the action right
 * after the phone is verified, so the resident continues where they were.
 */
export function useVerifyGate(): { resident: ResidentState; gate: (action: Action) => void; panel: ReactNode; refresh: () => Promise<void> } {
  const { state, refresh } = useResident();
  const [pending, setPending] = useState<Action | null>(null);
  const gate = (action: Action) => {
    if (state.status === 'verified') void action();
    else setPending(() => action);
  };
  const panel = pending ? (
    <VerifyPanel
      onVerified={async () => {
        await refresh();
        const action = pending;
        setPending(null);
        await action();
      }}
      onCancel={() => setPending(null)}
    />
  ) : null;
  return { resident: state, gate, panel, refresh };
}

function VerifyPanel({ onVerified, onCancel }: { onVerified: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);
  return (
    <section className="m-form m-verify-panel" aria-labelledby="m-gate-title">
      <h2 id="m-gate-title" ref={heading} tabIndex={-1}>
        {t('residentConsult.verifyTitle')}
      </h2>
      <p className="m-intro">{t('residentConsult.verifyFirst')}</p>
      <VerifyPhone onVerified={() => void onVerified()} />
      <button type="button" className="m-link" onClick={onCancel}>
        {t('residentConsult.verifyCancel')}
      </button>
    </section>
  );
}
