/** Sign-in: POST /api/auth/login → MeDto. Server messages (wrong password, locked) shown inline. */
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@xj/contracts/domain';
import { isApiError } from '../../shared/api';
import { AuthShell } from '../components/AuthShell';
import { useSession } from '../session';
import { landingPath, PATHS } from '../routes';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { me, loading, login } = useSession();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from;

  // Signed in (now or already): go where the user was heading, or to the landing page.
  if (!loading && me) {
    const target = me.user.mustChangePassword
      ? PATHS.changePassword
      : from && from !== PATHS.login && from !== '/'
        ? from
        : landingPath(me);
    return <Navigate to={target} replace />;
  }

  const onFinish = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
      setSubmitting(false);
    }
  };

  return (
    <AuthShell title={t('login.title')}>
      {error && <Alert type="error" showIcon title={error} className="form-alert" role="alert" />}
      <Form<Values> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} size="large" name="login">
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" maxLength={LIMITS.usernameMax} autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" className="auth-hint">
        {t('login.demoHint')}
      </Typography.Paragraph>
    </AuthShell>
  );
}
