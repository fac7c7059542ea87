/** Forced password change (user.mustChangePassword) before anything else is allowed. */
import { Navigate, useNavigate } from 'react-router';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthShell } from '../components/AuthShell';
import { PageLoading } from '../components/PageLoading';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { useSession } from '../session';
import { landingPath, PATHS } from '../routes';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { me, loading, refresh, logout } = useSession();
  const navigate = useNavigate();

  if (loading) return <PageLoading />;
  if (!me) return <Navigate to={PATHS.login} replace />;

  const onDone = async () => {
    const next = await refresh();
    void navigate(landingPath(next), { replace: true });
  };

  return (
    <AuthShell title={t('password.forcedTitle')}>
      {me.user.mustChangePassword && <Alert type="warning" showIcon title={t('password.forcedText')} className="form-alert" />}
      <PasswordChangeForm onDone={onDone} />
      <Button
        type="link"
        className="auth-secondary-action"
        onClick={() => void logout().finally(() => void navigate(PATHS.login, { replace: true }))}
      >
        {t('layout.signOut')}
      </Button>
    </AuthShell>
  );
}
