/** Simplified Chinese strings: resident-stations. */
export const residentStationsZhCN = {
  residentStations: {
    title: '红色驿站',
  },
};
