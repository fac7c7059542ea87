/** 未服务提醒周期: the county's period after which a dual member without service is flagged (volunteers.manage at the county). */
import { useEffect } from 'react';
import { Alert, Form, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_LIMITS } from '@xj/contracts/domain';
import type { VolunteerSettingsDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';

interface Props {
  open: boolean;
  current: number | null;
  onClose: () => void;
  onSaved: (settings: VolunteerSettingsDto) => void;
}

export function InactiveDaysModal({ open, current, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ inactiveDays: number }>();
  const { saving, error, setError, submit } = useSubmit();
  const min = VOLUNTEER_LIMITS.inactiveDaysMin;
  const max = VOLUNTEER_LIMITS.inactiveDaysMax;

  useEffect(() => {
    if (open) setError(null);
  }, [open, setError]);

  const onOk = async () => {
    const v = await form.validateFields();
    await submit(async () => onSaved(await api.patch<VolunteerSettingsDto>('/api/volunteers/settings', { inactiveDays: v.inactiveDays }, { silent: true })));
  };

  return (
    <Modal
      open={open}
      title={t('volunteers.members.settingsTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('volunteers.members.settingsHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={current === null ? undefined : { inactiveDays: current }}>
        <Form.Item
          name="inactiveDays"
          label={t('volunteers.members.settingsField')}
          rules={[{ required: true, type: 'integer', min, max, message: t('volunteers.members.settingsRequired', { min, max }) }]}
        >
          <InputNumber<number> min={min} max={max} precision={0} suffix={t('volunteers.members.days')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
