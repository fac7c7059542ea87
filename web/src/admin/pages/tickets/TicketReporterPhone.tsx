/**
 * The reporter's phone on the detail page: masked, with a 查看 button for tickets.unmask. The
 * reason is asked for, POST /api/tickets/:id/unmask answers the full number (audited), which
 * then shows as a tel: link, so that a phone user taps it to call the reporter back.
 */
import { Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TicketUnmaskResult } from '@xj/contracts';
import { api } from '../../../shared/api';
import { RevealableValue } from '../../components/MaskedField';
import { useSession } from '../../session';

export function TicketReporterPhone({ ticketId, masked }: { ticketId: number; masked: string | null }) {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <RevealableValue
      masked={masked}
      fieldLabel={t('tickets.reporterPhone')}
      canReveal={can('tickets.unmask')}
      testId="reporter-phone-value"
      hint={t('ticketUnmask.hint')}
      reveal={async (reason) => (await api.post<TicketUnmaskResult>(`/api/tickets/${ticketId}/unmask`, { reason }, { silent: true })).value}
      renderPlain={(plain, testId) => (
        <Typography.Link href={`tel:${plain}`} className="mono" data-testid={testId} aria-label={t('ticketUnmask.call', { phone: plain })}>
          <PhoneOutlined style={{ marginInlineEnd: 4 }} />
          {plain}
        </Typography.Link>
      )}
    />
  );
}
