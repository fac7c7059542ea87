/** 中文 / English switch; the choice is persisted by changeLanguage(). */
import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, type Language } from '../../shared/i18n';

export function LanguageSwitch({ variant = 'outlined', compact = false }: { variant?: 'outlined' | 'borderless'; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('layout.language')}
      className="language-switch"
      value={currentLanguage()}
      variant={variant}
      size="middle"
      prefix={compact ? undefined : <GlobalOutlined aria-hidden />}
      popupMatchSelectWidth={false}
      onChange={(v) => void changeLanguage(v)}
      options={[
        { value: 'zh-CN', label: compact ? '中' : '简体中文' },
        { value: 'en', label: compact ? 'EN' : 'English' },
      ]}
    />
  );
}
