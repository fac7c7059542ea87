/** Simplified Chinese strings: the console's consultation meetings (商量会议) of a topic. */
export const consultationMeetingsZhCN = {
  consultMeetings: {
    title: '商量会议',
  },
};
