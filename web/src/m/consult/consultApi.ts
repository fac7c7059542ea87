/** The cloud consultation calls of the phone pages. Reads carry the resident cookie too, so `mine` comes back. */
import type { PublicTopicDto, PublicTopicItemDto, PublicCommentDto, ResidentNoticeDto, PublicMeetingDto, MeetingAttendanceDto } from '@xj/contracts';
import { residentApi } from '../api';

const BASE = '/api/public/consultations';
type Page<T> = { data: T[]; total: number; page: number; pageSize: number };

export type MyTopic = PublicTopicItemDto & { rejectionReason: string | null };

export const consultApi = {
  topics: (page: number) => residentApi.get<Page<PublicTopicItemDto>>(`${BASE}/topics?page=${page}`),
  topic: (id: number) => residentApi.get<PublicTopicDto>(`${BASE}/topics/${id}`),
  comments: (id: number, page: number) => residentApi.get<Page<PublicCommentDto>>(`${BASE}/topics/${id}/comments?page=${page}`),
  comment: (id: number, body: string) => residentApi.post(`${BASE}/topics/${id}/comments`, { body }),
  support: (id: number) => residentApi.post(`${BASE}/topics/${id}/support`),
  report: (commentId: number, reason: string) => residentApi.post(`${BASE}/comments/${commentId}/report`, { reason }),
  vote: (id: number, optionId: number) => residentApi.post(`${BASE}/topics/${id}/vote`, { optionId }),
  rate: (id: number, score: number, comment?: string) => residentApi.post(`${BASE}/topics/${id}/rating`, comment ? { score, comment } : { score }),
  answer: (id: number, answers: number[]) => residentApi.post(`${BASE}/topics/${id}/questionnaire/answers`, { answers }),
  raise: (body: { title: string; description: string; nodeId: number }) => residentApi.post<{ id: number }>(`${BASE}/topics`, body),
  myTopics: () => residentApi.get<{ data: MyTopic[] }>(`${BASE}/my-topics`),
  notices: () => residentApi.get<{ data: ResidentNoticeDto[]; unread: number }>('/api/public/resident/notices'),
  readNotices: () => residentApi.post('/api/public/resident/notices/read'),
  meeting: (token: string) => residentApi.get<PublicMeetingDto>(`${BASE}/meetings/${encodeURIComponent(token)}`),
  attend: (token: string) => residentApi.post<MeetingAttendanceDto>(`${BASE}/meetings/${encodeURIComponent(token)}/attend`),
};

/** A date and time the way people read them on a phone, in the page's language. */
export function formatTime(iso: string, lang: string, dateOnly = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', dateOnly ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
}
