/** Set a new password for a user (POST /api/users/:id/reset-password). */
import { useEffect } from 'react';
import { useSaving } from '../../shared/useSaving';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@xj/contracts/domain';
import type { UserDto } from '@xj/contracts';
import { api } from '../../shared/api';
import { passwordPolicyValidator, PasswordRules, usePasswordPolicy } from './PasswordChangeForm';

export function ResetPasswordModal({ user, onClose, onDone }: { user: UserDto | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const policy = usePasswordPolicy();
  const [form] = Form.useForm<{ password: string }>();
  const password = Form.useWatch('password', form) ?? '';
  const [saving, save] = useSaving();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const onOk = async () => {
    if (!user) return;
    const v = await form.validateFields();
    await save(async () => {
      await api.post(`/api/users/${user.id}/reset-password`, { password: v.password });
      onDone();
    });
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('users.resetTitle', { name: user.username }) : ''}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
    >
      <Alert type="info" showIcon className="form-alert" title={t('users.resetHelp')} />
      <Form form={form} layout="vertical" name="user-reset-password">
        <Form.Item
          name="password"
          label={t('password.new')}
          rules={[
            { required: true, message: t('password.newRequired') },
            { validator: passwordPolicyValidator(policy, t('password.policyNotMet')) },
          ]}
          extra={<PasswordRules password={password} policy={policy} />}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
