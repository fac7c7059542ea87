/**
 * Change-password form with the server's policy (GET /api/auth/password-policy) explained
 * up front and checked as the user types (passwordClasses from @xj/contracts).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIMITS, passwordClasses } from '@xj/contracts/domain';
import type { PasswordPolicy } from '@xj/contracts';
import { api, isApiError } from '../../shared/api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const DEFAULT_POLICY: PasswordPolicy = { minLength: 10, minClasses: 3 };

export function usePasswordPolicy() {
  const [policy, setPolicy] = useState<PasswordPolicy | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<PasswordPolicy>('/api/auth/password-policy', { silent: true, noRedirect: true })
      .then((p) => live && setPolicy(p))
      .catch(() => live && setPolicy(DEFAULT_POLICY));
    return () => {
      live = false;
    };
  }, []);
  return policy ?? DEFAULT_POLICY;
}

/** Live checklist for a candidate password. */
export function PasswordRules({ password, policy }: { password: string; policy: PasswordPolicy }) {
  const { t } = useTranslation();
  const lengthOk = password.length >= policy.minLength;
  const classesOk = passwordClasses(password) >= policy.minClasses;
  const item = (ok: boolean, text: string) => (
    <li className={ok ? 'rule-ok' : 'rule-pending'}>
      {ok ? <CheckCircleFilled aria-hidden /> : <MinusCircleOutlined aria-hidden />}
      <span>
        {text}
        <span className="sr-only">{ok ? t('password.ruleMet') : t('password.ruleNotMet')}</span>
      </span>
    </li>
  );
  return (
    <ul className="password-rules" aria-live="polite">
      {item(lengthOk, t('password.ruleLength', { n: policy.minLength }))}
      {item(classesOk, t('password.ruleClasses', { n: policy.minClasses }))}
    </ul>
  );
}

/** Validator for antd Form rules. */
export function passwordPolicyValidator(policy: PasswordPolicy, message: string) {
  return async (_: unknown, value: string | undefined) => {
    if (!value) return;
    if (value.length < policy.minLength || passwordClasses(value) < policy.minClasses) throw new Error(message);
  };
}

export function PasswordChangeForm({ onDone }: { onDone: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const policy = usePasswordPolicy();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }, { silent: true, noRedirect: true });
      form.resetFields();
      await onDone();
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark="optional" className="password-form">
      <Typography.Paragraph type="secondary" id="password-policy-text">
        {t('password.policy', { minLength: policy.minLength, minClasses: policy.minClasses })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="form-alert" role="alert" />}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" maxLength={LIMITS.passwordMax} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[
          { required: true, message: t('password.newRequired') },
          { validator: passwordPolicyValidator(policy, t('password.policyNotMet')) },
        ]}
        extra={<PasswordRules password={newPassword} policy={policy} />}
      >
        <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} aria-describedby="password-policy-text" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('password.submit')}
        </Button>
      </Space>
    </Form>
  );
}
