/** The console's i18next: every string of the platform, typed (`t` keys are checked). */
import { zhCN } from './locales/zh-CN';
import { en } from './locales/en';
import { initI18n } from './language';

export { LANGUAGES, changeLanguage, currentLanguage, type Language } from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

const i18n = initI18n({ 'zh-CN': { translation: zhCN }, en: { translation: en } });
export default i18n;
