/** The volunteering and points calls of the phone pages (/api/public/volunteers and /api/public/points). */
import type {
  KeeperRedemptionDto,
  MyDualRegistrationDto,
  MyPointsDto,
  MySignupDto,
  MyVolunteeringDto,
  PublicActivityDto,
  PublicPointShopDto,
  RedemptionCodeDto,
} from '@xj/contracts';
import i18n from '../i18n';
import { PublicApiError, publicApi, residentApi } from '../api';

const V = '/api/public/volunteers';
const P = '/api/public/points';
type Page<T> = { data: T[]; total: number; page: number; pageSize: number };

/** DELETE with the resident cookie (residentApi has none); the route takes an empty JSON body. */
async function remove<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'DELETE', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' });
  } catch {
    throw new PublicApiError(0, 'NETWORK', i18n.t('resident.networkError'));
  }
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new PublicApiError(res.status, body?.error?.code ?? 'UNKNOWN', body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

export const volunteerApi = {
  activities: (page: number) => publicApi.get<Page<PublicActivityDto>>(`${V}/activities?page=${page}`),
  activity: (id: number) => publicApi.get<PublicActivityDto>(`${V}/activities/${id}`),
  signUp: (id: number) => residentApi.post<MySignupDto>(`${V}/activities/${id}/signup`),
  cancel: (id: number) => remove<MySignupDto>(`${V}/activities/${id}/signup`),
  checkIn: (token: string) => residentApi.post<MySignupDto>(`${V}/checkin/${encodeURIComponent(token)}`),
  checkOut: (token: string) => residentApi.post<MySignupDto>(`${V}/checkout/${encodeURIComponent(token)}`),
  me: () => residentApi.get<MyVolunteeringDto>(`${V}/me`),
  workplaceOrgs: (compoundId: number) => residentApi.get<{ data: { id: number; name: string }[] }>(`${V}/workplace-orgs?compoundId=${compoundId}`),
  register: (body: { compoundId: number; workplaceOrgId?: number; workplaceOrgName?: string }) => residentApi.post<MyDualRegistrationDto>(`${V}/registrations`, body),
  myRegistrations: () => residentApi.get<{ data: MyDualRegistrationDto[] }>(`${V}/registrations/mine`),
};

export const pointsApi = {
  me: () => residentApi.get<MyPointsDto>(`${P}/me`),
  newCode: () => residentApi.post<RedemptionCodeDto>(`${P}/redemption-code`),
  shops: () => publicApi.get<{ data: PublicPointShopDto[] }>(`${P}/shops`),
  myShops: () => residentApi.get<{ data: PublicPointShopDto[] }>(`${P}/my-shops`),
  redeem: (body: { shopId: number; code: string; points: number; item: string }) => residentApi.post<KeeperRedemptionDto>(`${P}/redeem`, body),
  shopRedemptions: (shopId: number) => residentApi.get<Page<KeeperRedemptionDto>>(`${P}/shops/${shopId}/redemptions?pageSize=10`),
};

/** The phone pages of this section. */
export const VOLUNTEER_PATHS = {
  activities: '/m/volunteer',
  activity: (id: number) => `/m/volunteer/${id}`,
  register: '/m/volunteer/register',
  points: '/m/points',
  redeem: '/m/points/redeem',
} as const;

/** Hours shown with one decimal at most. */
export const hoursText = (h: number) => String(Math.round(h * 10) / 10);
