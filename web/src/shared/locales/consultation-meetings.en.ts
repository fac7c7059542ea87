/** English strings of the console's consultation meetings (商量会议) of a topic (same keys as consultation-meetings.zh-CN). */
import type { consultationMeetingsZhCN } from './consultation-meetings.zh-CN';
import type { Strings } from './strings';

export const consultationMeetingsEn: Strings<typeof consultationMeetingsZhCN> = {
  consultMeetings: {
    title: 'Consultation meetings',
  },
};
