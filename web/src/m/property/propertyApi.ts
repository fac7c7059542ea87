/** The phone calls of 物业服务评价 (/api/public/property-ratings). */
import type { InspectionCreate, InspectionDto, MyPropertyRolesDto, PublicCompoundGradesDto, RatingScorecardDto, SurveyAnswer } from '@xj/contracts';
import i18n from '../i18n';
import { PublicApiError, publicApi, residentApi } from '../api';

const P = '/api/public/property-ratings';

export type PublicCompound = { id: number; name: string; communityName: string; grade: { code: string; name: string; colour: string } | null };

/** PUT and uploads with the resident cookie (residentApi has GET and POST only). */
async function send<T>(method: string, path: string, body: BodyInit, json: boolean): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, headers: { Accept: 'application/json', ...(json ? { 'Content-Type': 'application/json' } : {}) }, body, credentials: 'same-origin' });
  } catch {
    throw new PublicApiError(0, 'NETWORK', i18n.t('resident.networkError'));
  }
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new PublicApiError(res.status, data?.error?.code ?? 'UNKNOWN', data?.error?.message ?? `HTTP ${res.status}`);
  return data as T;
}

export const PROPERTY_PATHS = { grades: '/m/property', inspect: '/m/property/inspect', score: '/m/property/score' } as const;

export const propertyApi = {
  search: (q: string) => publicApi.get<{ data: PublicCompound[] }>(`${P}/compounds?q=${encodeURIComponent(q)}`),
  /** With the resident cookie, so that `survey.answered` is the resident's. */
  compound: (id: number) => residentApi.get<PublicCompoundGradesDto>(`${P}/compounds/${id}`),
  answer: (ratingId: number, body: SurveyAnswer) => residentApi.post<{ ok: true }>(`${P}/ratings/${ratingId}/survey`, body),
  me: () => residentApi.get<MyPropertyRolesDto>(`${P}/me`),
  inspect: (body: InspectionCreate) => residentApi.post<InspectionDto>(`${P}/inspections`, body),
  photo: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return send<InspectionDto>('POST', `${P}/inspections/${id}/photos`, form, false);
  },
  mine: () => residentApi.get<{ data: InspectionDto[] }>(`${P}/inspections/mine?pageSize=20`),
  photoUrl: (id: number, photoId: number) => `${P}/inspections/${id}/photos/${photoId}`,
  score: (ratingId: number, source: 'stewards' | 'owners_committee', body: { scores: Record<string, number>; comment?: string }) =>
    send<RatingScorecardDto>('PUT', `${P}/ratings/${ratingId}/scorecards/${source}`, JSON.stringify(body), true),
};
