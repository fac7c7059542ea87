/**
 * A workplace organisation's status with the switch between 已报到 and 已撤回 (PATCH status), for
 * those who manage volunteers; the cell shows the new status at once (the list on its next load).
 */
import { useState } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { WORKPLACE_ORG_STATUS_LABELS } from '@xj/contracts/domain';
import type { WorkplaceOrgDto, WorkplaceOrgStatus } from '@xj/contracts';
import { api } from '../../../shared/api';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';

export function WorkplaceOrgStatusCell({ org, canManage }: { org: WorkplaceOrgDto; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [status, setStatus] = useState<WorkplaceOrgStatus>(org.status);
  const [busy, setBusy] = useState(false);
  const next: WorkplaceOrgStatus = status === 'active' ? 'withdrawn' : 'active';

  const change = async () => {
    setBusy(true);
    try {
      const saved = await api.patch<WorkplaceOrgDto>(`/api/volunteers/workplace-orgs/${org.id}`, { status: next });
      setStatus(saved.status);
      void message.success(t('volunteers.orgs.statusChanged'));
    } catch {
      // The API wrapper has shown the server's message.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={4} wrap>
      <ToneTag tone={status === 'active' ? 'green' : 'grey'}>{label(WORKPLACE_ORG_STATUS_LABELS, status)}</ToneTag>
      {canManage && (
        <Popconfirm
          title={t(next === 'withdrawn' ? 'volunteers.orgs.withdrawConfirm' : 'volunteers.orgs.restoreConfirm', { name: org.name })}
          okText={t(next === 'withdrawn' ? 'volunteers.orgs.withdraw' : 'volunteers.orgs.restore')}
          cancelText={t('common.cancel')}
          onConfirm={change}
        >
          <Button size="small" type="link" loading={busy} aria-label={t(next === 'withdrawn' ? 'volunteers.orgs.withdrawFor' : 'volunteers.orgs.restoreFor', { name: org.name })}>
            {t(next === 'withdrawn' ? 'volunteers.orgs.withdraw' : 'volunteers.orgs.restore')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
