/** Centered card used by the sign-in and forced password-change pages. */
import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { PartyEmblem } from './PartyEmblem';

export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <header className="auth-topbar">
        <LanguageSwitch />
      </header>
      <main className="auth-main">
        <div className="auth-brand">
          <PartyEmblem size={56} />
          <div className="auth-brand-text">{t('app.name')}</div>
          <Typography.Text className="auth-brand-sub">{t('app.subtitle')}</Typography.Text>
        </div>
        <Card className="auth-card">
          <Typography.Title level={1} className="auth-title">
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
      <footer className="auth-footer">{t('app.footer')}</footer>
    </div>
  );
}
