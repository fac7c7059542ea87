/** English strings: red-stations (same keys as red-stations.zh-CN). */
import type { redStationsZhCN } from './red-stations.zh-CN';
import type { Strings } from './strings';

export const redStationsEn: Strings<typeof redStationsZhCN> = {
  stations: {
    title: 'Red stations',
  },
};
