/** English strings: funding (same keys as funding.zh-CN). */
import type { fundingZhCN } from './funding.zh-CN';
import type { Strings } from './strings';

export const fundingEn: Strings<typeof fundingZhCN> = {
  funding: {
    title: 'Funding',
  },
};
