/** English strings: cockpit-screen (same keys as cockpit-screen.zh-CN). */
import type { cockpitScreenZhCN } from './cockpit-screen.zh-CN';
import type { Strings } from './strings';

export const cockpitScreenEn: Strings<typeof cockpitScreenZhCN> = {
  cockpitScreen: {
    title: 'Smart brain',
  },
};
