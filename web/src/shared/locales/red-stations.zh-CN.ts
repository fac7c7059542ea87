/** Simplified Chinese strings: red-stations. */
export const redStationsZhCN = {
  stations: {
    title: '红色驿站',
  },
};
