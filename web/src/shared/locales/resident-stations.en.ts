/** English strings: resident-stations (same keys as resident-stations.zh-CN). */
import type { residentStationsZhCN } from './resident-stations.zh-CN';
import type { Strings } from './strings';

export const residentStationsEn: Strings<typeof residentStationsZhCN> = {
  residentStations: {
    title: 'Red stations',
  },
};
