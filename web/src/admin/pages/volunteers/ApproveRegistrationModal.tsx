/**
 * Approving a dual registration: the member joins the compound's branch. The joining date is
 * asked for always but needed only when the person is not in the party-member registry yet
 * (the server says so with its message, shown here).
 */
import { useEffect } from 'react';
import { Alert, DatePicker, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { DualRegistrationDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';

interface Props {
  registration: DualRegistrationDto | null;
  onClose: () => void;
  onDone: () => void;
}

export function ApproveRegistrationModal({ registration, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ joinedDate?: Dayjs }>();
  const { saving, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (registration) {
      form.resetFields();
      setError(null);
    }
  }, [registration, form, setError]);

  const onOk = () =>
    void submit(async () => {
      const { joinedDate } = await form.validateFields();
      const body = joinedDate ? { joinedDate: joinedDate.format('YYYY-MM-DD') } : {};
      await api.post(`/api/volunteers/registrations/${registration!.id}/approve`, body, { silent: true });
      onDone();
    });

  return (
    <Modal
      open={!!registration}
      title={t('volunteers.reg.approveTitle', { name: registration?.person.name ?? '' })}
      okText={t('volunteers.reg.approve')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('volunteers.reg.approveHint', { compound: registration?.compoundName ?? '' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="joinedDate" label={t('volunteers.reg.joinedDate')} extra={t('volunteers.reg.joinedDateHelp')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(new Date())} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
