/** Simplified Chinese strings: the residents' cloud consultation phone pages (云商量). */
export const residentConsultZhCN = {
  residentConsult: {
    title: '云商量',
  },
};
