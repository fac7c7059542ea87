import { useCallback, useEffect, useState } from 'react';
import type { ResidentMeDto } from '@xj/contracts';
import { residentApi, PublicApiError } from './api';

export type ResidentState =
  | { status: 'loading' }
  | { status: 'anonymous'; error?: string }
  | { status: 'verified'; phoneMasked: string; residentId: number };

/**
 * The resident session of this browser (a verified phone number): pages that let residents take
 * part (/m/consult/:id, …) ask it first and send anonymous residents to /m/verify?next=….
 */
export function useResident(): { state: ResidentState; refresh: () => Promise<void>; signOut: () => Promise<void> } {
  const [state, setState] = useState<ResidentState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const me = await residentApi.get<ResidentMeDto>('/api/public/resident/me');
      setState({ status: 'verified', phoneMasked: me.phoneMasked, residentId: me.residentId });
    } catch (e) {
      // 401: not verified (or the session ended); anything else is worth showing.
      setState(e instanceof PublicApiError && e.status === 401 ? { status: 'anonymous' } : { status: 'anonymous', error: (e as Error).message });
    }
  }, []);
  const signOut = useCallback(async () => {
    await residentApi.post('/api/public/resident/sign-out').catch(() => undefined);
    setState({ status: 'anonymous' });
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { state, refresh, signOut };
}

/** The page to return to after verification: only a resident page of this site (no open redirect). */
export function safeNext(next: string | null): string | null {
  return next && /^\/m\/[\w-]/.test(next) && !next.includes('\\') ? next : null;
}
