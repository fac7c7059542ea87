/** Create a user with an initial password and at least one grant (POST /api/users). */
import { useSaving } from '../../shared/useSaving';
import { Button, Divider, Form, Input, Modal, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@xj/contracts/domain';
import type { GrantInput, UserDto } from '@xj/contracts';
import { api } from '../../shared/api';
import type { ScopeNode } from '../../shared/tree';
import { GrantFields } from './GrantFields';
import { passwordPolicyValidator, PasswordRules, usePasswordPolicy } from './PasswordChangeForm';

interface Values {
  username: string;
  displayName: string;
  password: string;
  grants: Partial<GrantInput>[];
}

const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

interface Props {
  open: boolean;
  nodes: ScopeNode[];
  nodesLoading: boolean;
  onClose: () => void;
  onCreated: (user: UserDto) => void;
}

export function UserCreateModal({ open, nodes, nodesLoading, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const policy = usePasswordPolicy();
  const password = Form.useWatch('password', form) ?? '';
  const [saving, save] = useSaving();

  const onOk = async () => {
    const v = await form.validateFields();
    await save(async () => {
      const user = await api.post<UserDto>('/api/users', {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        grants: v.grants.map((g) => ({ role: g.role, nodeId: g.nodeId })),
      });
      form.resetFields();
      onCreated(user);
    });
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('users.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      width={680}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" requiredMark="optional" name="user-create" initialValues={{ grants: [{}] }}>
        <Form.Item
          name="username"
          label={t('users.username')}
          tooltip={t('users.usernameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('users.usernameRequired') },
            { min: 3, message: t('users.usernameMin') },
            { pattern: USERNAME_PATTERN, message: t('users.usernamePattern') },
          ]}
        >
          <Input maxLength={LIMITS.usernameMax} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
          <Input maxLength={LIMITS.displayNameMax} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          rules={[
            { required: true, message: t('password.newRequired') },
            { validator: passwordPolicyValidator(policy, t('password.policyNotMet')) },
          ]}
          extra={
            <>
              <div>{t('users.initialPasswordHelp')}</div>
              <PasswordRules password={password} policy={policy} />
            </>
          }
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Divider titlePlacement="start">{t('users.grants')}</Divider>
        <Form.List
          name="grants"
          rules={[
            {
              validator: async (_, grants: unknown[] | undefined) => {
                if (!grants || grants.length < 1) throw new Error(t('users.grantRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" wrap className="grant-row">
                  <GrantFields
                    path={[field.name]}
                    fullPath={['grants', field.name]}
                    form={form}
                    nodes={nodes}
                    loading={nodesLoading}
                    idPrefix={`grant-${field.key}`}
                  />
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      className="grant-remove"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('users.removeGrantRow', { n: i + 1 })}
                    />
                  )}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                {t('users.addGrantRow')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
