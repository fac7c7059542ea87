/**
 * The interface language: Simplified Chinese first, English available. The choice is kept in
 * localStorage (shared by the console and the phone pages) and mirrored into `<html lang>`.
 * Each entry (console, /m) initialises i18next with its own strings through `initI18n`.
 */
import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'xj.lang';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export async function changeLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice simply lasts for this page.
  }
  await i18n.changeLanguage(lang);
}

export function initI18n(resources: Resource): typeof i18n {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
  });
  void i18n.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = currentLanguage();
  return i18n;
}
