/** Consultation meeting labels in the current language, status tones and the printable / QR addresses. */
import { useTranslation } from 'react-i18next';
import { MEETING_FORM_LABELS, MEETING_FORMS, MEETING_GROUP_LABELS, MEETING_GROUPS, MEETING_STATUS_LABELS } from '@xj/contracts/domain';
import type { MeetingForm, MeetingGroup, MeetingStatus } from '@xj/contracts';
import { pick } from '../../../shared/labels';
import type { Tone } from '../../components/ToneTag';

export const MEETING_STATUS_TONES: Record<MeetingStatus, Tone> = { planned: 'blue', held: 'green', cancelled: 'grey' };

const meetingBase = (id: number) => `/api/consultations/meetings/${id}`;
export const meetingUrls = (id: number) => ({ qr: `${meetingBase(id)}/qr.png`, poster: `${meetingBase(id)}/poster.html`, minutes: `${meetingBase(id)}/minutes.html` });
export const topicQrUrls = (id: number) => ({ qr: `/api/consultations/topics/${id}/qr.png`, poster: `/api/consultations/topics/${id}/poster.html` });

export function useMeetingLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const form = (f: MeetingForm) => pick(MEETING_FORM_LABELS[f], lang, f);
  const group = (g: MeetingGroup) => pick(MEETING_GROUP_LABELS[g], lang, g);
  return {
    form,
    group,
    status: (s: MeetingStatus) => pick(MEETING_STATUS_LABELS[s], lang, s),
    formOptions: MEETING_FORMS.map((f) => ({ value: f, label: form(f) })),
    groupOptions: MEETING_GROUPS.map((g) => ({ value: g, label: group(g) })),
  };
}
