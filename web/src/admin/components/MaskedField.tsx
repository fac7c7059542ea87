/**
 * A masked phone or ID number with a 查看 button (only with people.unmask): the reason is asked
 * for, POST /api/people/:id/unmask answers the plain value, which stays shown on this page.
 * `RevealableValue` is the same control for any masked value (a ticket's reporter phone).
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SensitiveField } from '@xj/contracts';
import { api } from '../../shared/api';
import { useSession } from '../session';
import { ReasonModal } from './ReasonModal';

interface Props {
  personId: number;
  field: SensitiveField;
  masked: string | null;
  fieldLabel: string;
}

export function MaskedField({ personId, field, masked, fieldLabel }: Props) {
  const { can } = useSession();
  return (
    <RevealableValue
      masked={masked}
      fieldLabel={fieldLabel}
      canReveal={can('people.unmask')}
      testId={`${field}-value`}
      reveal={async (reason) => (await api.post<{ value: string | null }>(`/api/people/${personId}/unmask`, { field, reason }, { silent: true })).value}
    />
  );
}

interface RevealableProps {
  masked: string | null;
  fieldLabel: string;
  /** The caller holds the unmask permission (the server still checks scope and reason). */
  canReveal: boolean;
  /** Asks the server for the plain value with the reason, which it audits; throws on refusal. */
  reveal: (reason: string) => Promise<string | null>;
  testId: string;
  /** Shown in the dialog above the reason. */
  hint?: ReactNode;
  /** The plain value once revealed, on the page and in the dialog (default: copyable text). */
  renderPlain?: (plain: string, testId?: string) => ReactNode;
}

export function RevealableValue({ masked, fieldLabel, canReveal, reveal, testId, hint, renderPlain }: RevealableProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [plain, setPlain] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);

  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Space size={8} wrap>
      {revealed && plain && renderPlain ? (
        renderPlain(plain, testId)
      ) : (
        <Typography.Text code={!revealed} copyable={revealed && plain ? { text: plain } : false} data-testid={testId}>
          {revealed ? (plain ?? '—') : masked}
        </Typography.Text>
      )}
      {canReveal && !revealed && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} aria-label={t('unmask.showFor', { field: fieldLabel })}>
          {t('unmask.show')}
        </Button>
      )}
      <ReasonModal
        open={open}
        title={t('unmask.title', { field: fieldLabel })}
        hint={hint ?? t('unmask.hint')}
        okText={t('unmask.show')}
        onClose={() => setOpen(false)}
        onSubmit={async (reason) => {
          setPlain(await reveal(reason));
          setRevealed(true);
        }}
        result={
          revealed ? (
            <Alert
              type="info"
              showIcon
              title={t('unmask.plainValue', { field: fieldLabel })}
              description={plain && renderPlain ? renderPlain(plain) : <Typography.Text strong copyable>{plain ?? '—'}</Typography.Text>}
            />
          ) : undefined
        }
      />
    </Space>
  );
}
