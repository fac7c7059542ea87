/** English strings of the residents' cloud consultation phone pages (云商量) (same keys as resident-consult.zh-CN). */
import type { residentConsultZhCN } from './resident-consult.zh-CN';
import type { Strings } from './strings';

export const residentConsultEn: Strings<typeof residentConsultZhCN> = {
  residentConsult: {
    title: 'Cloud consultation',
  },
};
