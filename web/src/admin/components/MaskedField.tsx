/**
 * A masked phone or ID number with a 查看 button (only with people.unmask): the reason is asked
 * for, POST /api/people/:id/unmask answers the plain value, which stays shown on this page.
 */
import { useState } from 'react';
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
  const { t } = useTranslation();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [plain, setPlain] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);

  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Space size={8} wrap>
      <Typography.Text code={!revealed} copyable={revealed && plain ? { text: plain } : false} data-testid={`${field}-value`}>
        {revealed ? (plain ?? '—') : masked}
      </Typography.Text>
      {can('people.unmask') && !revealed && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} aria-label={t('unmask.showFor', { field: fieldLabel })}>
          {t('unmask.show')}
        </Button>
      )}
      <ReasonModal
        open={open}
        title={t('unmask.title', { field: fieldLabel })}
        hint={t('unmask.hint')}
        okText={t('unmask.show')}
        onClose={() => setOpen(false)}
        onSubmit={async (reason) => {
          const r = await api.post<{ value: string | null }>(`/api/people/${personId}/unmask`, { field, reason }, { silent: true });
          setPlain(r.value);
          setRevealed(true);
        }}
        result={revealed ? <Alert type="info" showIcon title={t('unmask.plainValue', { field: fieldLabel })} description={<Typography.Text strong copyable>{plain ?? '—'}</Typography.Text>} /> : undefined}
      />
    </Space>
  );
}
