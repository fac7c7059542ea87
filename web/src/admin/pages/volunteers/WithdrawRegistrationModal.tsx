/** 撤回报到: asks the reason and withdraws a pending or approved dual registration (an approved one leaves the members list). */
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { ReasonModal } from '../../components/ReasonModal';

interface Props {
  /** The registration to withdraw; null when closed. */
  registration: { id: number; person: { name: string }; compoundName: string; status: string } | null;
  onClose: () => void;
  onDone: () => void;
}

export function WithdrawRegistrationModal({ registration, onClose, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      open={!!registration}
      title={t('volunteers.reg.withdrawTitle', { name: registration?.person.name ?? '' })}
      hint={registration?.status === 'approved' ? t('volunteers.reg.withdrawHint', { compound: registration.compoundName }) : undefined}
      okText={t('volunteers.reg.withdraw')}
      onClose={onClose}
      onSubmit={async (reason) => {
        await api.post(`/api/volunteers/registrations/${registration!.id}/withdraw`, { reason }, { silent: true });
        onDone();
      }}
    />
  );
}
