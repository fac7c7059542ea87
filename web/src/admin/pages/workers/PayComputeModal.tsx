/** Computes (or recomputes) a community's pay sheet for a month (workers.manage). */
import { useEffect, useState } from 'react';
import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaySheetDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { recentMonths } from './payMonths';

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (s: PaySheetDto) => void;
}

export function PayComputeModal({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [communityId, setCommunityId] = useState<number | undefined>();
  const [month, setMonth] = useState<string>(recentMonths(1)[0]!);
  const { saving, error, setError, submit } = useSubmit();
  useEffect(() => {
    if (open) setError(null);
  }, [open, setError]);

  const ok = () =>
    submit(async () => {
      if (!communityId) return;
      onDone(await api.post<PaySheetDto>('/api/worker-pay/sheets', { communityId, month }, { silent: true }));
    });

  return (
    <Modal open={open} title={t('workerPay.sheets.computeTitle')} onCancel={onClose} onOk={() => void ok()} okButtonProps={{ disabled: !communityId, loading: saving }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('workerPay.sheets.computeHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('workerPay.sheets.community')} htmlFor="pay-compute-community" required>
          <NodeTreeSelect id="pay-compute-community" deep={false} selectableKinds={['community']} value={communityId} onChange={setCommunityId} />
        </Form.Item>
        <Form.Item label={t('workerPay.sheets.month')} htmlFor="pay-compute-month" required>
          <Select id="pay-compute-month" value={month} onChange={setMonth} options={recentMonths().map((m) => ({ value: m, label: m }))} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
