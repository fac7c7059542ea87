/**
 * The residents' pages talk only to the public API: no staff session, no CSRF token. The tracking
 * key travels in a header, never in a URL. Only `residentApi` sends cookies: the resident session
 * (a verified phone), which the server accepts on unsafe methods from this origin only.
 */
import { TRACKING_KEY_HEADER } from '@xj/contracts/domain';
import i18n from './i18n';

export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, opts: { json?: unknown; form?: FormData; key?: string; cookies?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.key) headers[TRACKING_KEY_HEADER] = opts.key;
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: opts.form ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json)), credentials: opts.cookies ? 'same-origin' : 'omit' });
  } catch {
    throw new PublicApiError(0, 'NETWORK', i18n.t('resident.networkError'));
  }
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) throw new PublicApiError(res.status, body?.error?.code ?? 'UNKNOWN', body?.error?.message ?? `HTTP ${res.status}`, body?.error?.details);
  return body as T;
}

export const publicApi = {
  get: <T>(path: string, key?: string) => call<T>('GET', path, key ? { key } : {}),
  post: <T>(path: string, json: unknown) => call<T>('POST', path, { json }),
  upload: <T>(path: string, file: File, key: string) => {
    const form = new FormData();
    form.append('file', file);
    return call<T>('POST', path, { form, key });
  },
};

/** Calls that carry the resident session cookie (verification and the routes of verified residents). */
export const residentApi = {
  get: <T>(path: string) => call<T>('GET', path, { cookies: true }),
  post: <T>(path: string, json: unknown = {}) => call<T>('POST', path, { json, cookies: true }),
};
