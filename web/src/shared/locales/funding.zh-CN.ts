/** Simplified Chinese strings: funding. */
export const fundingZhCN = {
  funding: {
    title: '经费保障',
  },
};
