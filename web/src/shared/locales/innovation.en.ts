/** English strings: innovation (same keys as innovation.zh-CN). */
import type { innovationZhCN } from './innovation.zh-CN';
import type { Strings } from './strings';

export const innovationEn: Strings<typeof innovationZhCN> = {
  innovation: {
    title: 'Innovation',
  },
};
