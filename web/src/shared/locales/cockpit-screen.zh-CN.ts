/** Simplified Chinese strings: cockpit-screen. */
export const cockpitScreenZhCN = {
  cockpitScreen: {
    title: '智慧大脑',
  },
};
