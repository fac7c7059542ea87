/** Add one grant to an existing user (POST /api/users/:id/grants). */
import { useEffect } from 'react';
import { useSaving } from '../../shared/useSaving';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GrantInput, UserDto } from '@xj/contracts';
import { api } from '../../shared/api';
import type { ScopeNode } from '../../shared/tree';
import { GrantFields } from './GrantFields';

interface Props {
  user: UserDto | null;
  nodes: ScopeNode[];
  nodesLoading: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function GrantAddModal({ user, nodes, nodesLoading, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GrantInput>();
  const [saving, save] = useSaving();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const onOk = async () => {
    if (!user) return;
    const v = await form.validateFields();
    await save(async () => {
      await api.post(`/api/users/${user.id}/grants`, { role: v.role, nodeId: v.nodeId });
      onDone();
    });
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('users.addGrantTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('users.addGrant')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
    >
      <Form form={form} layout="vertical" name="grant-add" requiredMark="optional">
        <GrantFields path={[]} fullPath={[]} form={form} nodes={nodes} loading={nodesLoading} idPrefix="grant-add" />
      </Form>
    </Modal>
  );
}
