/**
 * The phone pages' own i18next set-up: only the resident slices of the strings, so /m does not
 * load the console's whole bundle. Same language choice (localStorage) as the console.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { residentZhCN } from '../shared/locales/resident.zh-CN';
import { residentEn } from '../shared/locales/resident.en';
import { residentVerifyZhCN } from '../shared/locales/resident-verify.zh-CN';
import { residentVerifyEn } from '../shared/locales/resident-verify.en';
import { residentConsultZhCN } from '../shared/locales/resident-consult.zh-CN';
import { residentConsultEn } from '../shared/locales/resident-consult.en';

export type Language = 'zh-CN' | 'en';
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

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
});

// The console's typed resources (shared/i18n.ts) describe the whole bundle; /m only ever asks for
// keys under these slices, hence the cast.
const zh = { ...residentZhCN, ...residentVerifyZhCN, ...residentConsultZhCN };
const en = { ...residentEn, ...residentVerifyEn, ...residentConsultEn };
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, en: { translation: en } } as never,
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();

export default i18n;
