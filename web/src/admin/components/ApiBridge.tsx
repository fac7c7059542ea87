/** Connects the framework-free API wrapper to antd messages, the router and the session. */
import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { setApiHandlers, setFallbackMessages } from '../../shared/api';
import { useSession } from '../session';
import { PATHS } from '../routes';

export function ApiBridge() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const { clear } = useSession();
  const { t, i18n } = useTranslation();
  const pathRef = useRef(location.pathname);
  pathRef.current = location.pathname;

  useEffect(() => {
    setFallbackMessages(t('errors.network'), t('errors.badResponse'));
  }, [t, i18n.language]);

  useEffect(() => {
    setApiHandlers({
      notifyError: (text) => {
        // One message per distinct text, so a burst of failures does not stack up.
        void message.error({ content: text, key: text, duration: 5 });
      },
      onUnauthenticated: () => {
        clear();
        if (pathRef.current !== PATHS.login) {
          void navigate(PATHS.login, { replace: true, state: { from: pathRef.current } });
        }
      },
      onPasswordChangeRequired: () => {
        if (pathRef.current !== PATHS.changePassword) void navigate(PATHS.changePassword, { replace: true });
      },
    });
  }, [message, navigate, clear]);

  return null;
}
