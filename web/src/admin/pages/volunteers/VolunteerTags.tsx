/** Status tags of dual registrations and activities, in fixed-contrast tones. */
import { ACTIVITY_STATUS_LABELS, DUAL_REGISTRATION_STATUS_LABELS } from '@xj/contracts/domain';
import type { ActivityStatus, DualRegistrationStatus } from '@xj/contracts';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';

const REGISTRATION_TONES: Record<DualRegistrationStatus, Tone> = { pending: 'orange', approved: 'green', declined: 'red', withdrawn: 'grey' };
const ACTIVITY_TONES: Record<ActivityStatus, Tone> = { published: 'blue', cancelled: 'grey', closed: 'green' };

export function RegistrationStatusTag({ status }: { status: DualRegistrationStatus }) {
  const { label } = useEnumLabels();
  return <ToneTag tone={REGISTRATION_TONES[status]}>{label(DUAL_REGISTRATION_STATUS_LABELS, status)}</ToneTag>;
}

export function ActivityStatusTag({ status }: { status: ActivityStatus }) {
  const { label } = useEnumLabels();
  return <ToneTag tone={ACTIVITY_TONES[status]}>{label(ACTIVITY_STATUS_LABELS, status)}</ToneTag>;
}
