/**
 * The phone pages' own i18next: only the resident slices of the strings, so /m does not load
 * the console's whole bundle. Same language choice as the console (shared/language.ts).
 */
import { residentZhCN } from '../shared/locales/resident.zh-CN';
import { residentEn } from '../shared/locales/resident.en';
import { residentVerifyZhCN } from '../shared/locales/resident-verify.zh-CN';
import { residentVerifyEn } from '../shared/locales/resident-verify.en';
import { residentConsultZhCN } from '../shared/locales/resident-consult.zh-CN';
import { residentConsultEn } from '../shared/locales/resident-consult.en';
import { residentVolunteerZhCN } from '../shared/locales/resident-volunteer.zh-CN';
import { residentVolunteerEn } from '../shared/locales/resident-volunteer.en';
import { residentPropertyZhCN } from '../shared/locales/resident-property.zh-CN';
import { residentPropertyEn } from '../shared/locales/resident-property.en';
import { residentStationsZhCN } from '../shared/locales/resident-stations.zh-CN';
import { residentStationsEn } from '../shared/locales/resident-stations.en';
import { initI18n } from '../shared/language';

export { changeLanguage, currentLanguage, type Language } from '../shared/language';

const zh = { ...residentZhCN, ...residentVerifyZhCN, ...residentConsultZhCN, ...residentVolunteerZhCN, ...residentPropertyZhCN, ...residentStationsZhCN };
const en = { ...residentEn, ...residentVerifyEn, ...residentConsultEn, ...residentVolunteerEn, ...residentPropertyEn, ...residentStationsEn };
const i18n = initI18n({ 'zh-CN': { translation: zh }, en: { translation: en } });
export default i18n;
