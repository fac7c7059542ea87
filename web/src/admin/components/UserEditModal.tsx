/** Edit a user's display name (PATCH /api/users/:id). */
import { useEffect } from 'react';
import { useSaving } from '../../shared/useSaving';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@xj/contracts/domain';
import type { UserDto } from '@xj/contracts';
import { api } from '../../shared/api';

export function UserEditModal({ user, onClose, onSaved }: { user: UserDto | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ displayName: string }>();
  const [saving, save] = useSaving();

  useEffect(() => {
    if (user) form.setFieldsValue({ displayName: user.displayName });
  }, [user, form]);

  const onOk = async () => {
    if (!user) return;
    const v = await form.validateFields();
    if (v.displayName.trim() === user.displayName) {
      onClose();
      return;
    }
    await save(async () => {
      await api.patch(`/api/users/${user.id}`, { displayName: v.displayName.trim() });
      onSaved();
    });
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('users.editTitle', { name: user.username }) : ''}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
    >
      <Form form={form} layout="vertical" name="user-edit">
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
          <Input maxLength={LIMITS.displayNameMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
