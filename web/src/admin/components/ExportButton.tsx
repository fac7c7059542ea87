/**
 * Exports the current filtered list to .xlsx: masked by default; "导出明文" (only when the
 * caller may unmask) asks for a reason first, which the server audits.
 */
import { useState } from 'react';
import { Button, Dropdown, Space } from 'antd';
import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download } from '../../shared/api';
import type { Filters } from '../../shared/usePagedList';
import { ReasonModal } from './ReasonModal';

interface Props {
  path: string;
  filters: Filters;
  fallbackName: string;
  canUnmask: boolean;
}

export function ExportButton({ path, filters, fallbackName, canUnmask }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [askReason, setAskReason] = useState(false);

  const run = async (extra: Filters = {}) => {
    setBusy(true);
    try {
      await download(path, fallbackName, { query: { ...filters, ...extra }, silent: 'reason' in extra });
    } finally {
      setBusy(false);
    }
  };

  const masked = () => void run().catch(() => undefined);

  return (
    <>
      {canUnmask ? (
        <Space.Compact>
          <Button icon={<ExportOutlined />} loading={busy} onClick={masked}>
            {t('export.masked')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{ items: [{ key: 'plain', label: t('export.plain') }], onClick: () => setAskReason(true) }}
          >
            <Button icon={<DownOutlined />} aria-label={t('export.more')} />
          </Dropdown>
        </Space.Compact>
      ) : (
        <Button icon={<ExportOutlined />} loading={busy} onClick={masked}>
          {t('export.masked')}
        </Button>
      )}
      <ReasonModal
        open={askReason}
        title={t('export.plainTitle')}
        hint={t('export.plainHint')}
        okText={t('export.plain')}
        onClose={() => setAskReason(false)}
        onSubmit={async (reason) => {
          await run({ unmask: 'true', reason });
          setAskReason(false);
        }}
      />
    </>
  );
}
