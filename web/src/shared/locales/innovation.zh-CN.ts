/** Simplified Chinese strings: innovation. */
export const innovationZhCN = {
  innovation: {
    title: '创新创效',
  },
};
