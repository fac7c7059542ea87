/**
 * Same-origin fetch wrapper for the platform API.
 *
 * - Sends cookies (`credentials: 'same-origin'`) and, on every non-GET request, the CSRF token
 *   obtained from `POST /api/auth/login` or `GET /api/auth/me` (kept in memory only).
 * - Turns error bodies `{ error: { code, message, details }, requestId }` into `ApiError`.
 * - On CSRF_FAILED it refetches `/api/auth/me` once and retries the request.
 * - Reports errors through handlers that the React tree registers (see `ApiBridge`):
 *   a notifier for messages, and navigation for sign-in / forced password change.
 */
import type { ErrorBody, MeDto } from '@xj/contracts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiHandlers {
  /** Show a human-readable error (the server's message is already Chinese). */
  notifyError: (message: string, error: ApiError) => void;
  /** Session missing or expired: go to the sign-in page. */
  onUnauthenticated: () => void;
  /** The account must change its password before anything else. */
  onPasswordChangeRequired: () => void;
}

export interface RequestOptions {
  /** Query string parameters; undefined, null and '' values are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  /** JSON body for non-GET requests (a FormData body is sent as multipart). */
  body?: unknown;
  /** Do not show the error message automatically (the caller displays it). */
  silent?: boolean;
  /** Do not redirect on 401 / password-change-required (used by the session probe and sign-in). */
  noRedirect?: boolean;
  signal?: AbortSignal;
}

const UNAUTHENTICATED_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

let csrfToken: string | null = null;
let handlers: ApiHandlers = {
  notifyError: (msg) => console.error(msg),
  onUnauthenticated: () => undefined,
  onPasswordChangeRequired: () => undefined,
};

export function setApiHandlers(next: ApiHandlers): void {
  handlers = next;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Messages for failures that never reached the server's error format. */
const fallbackMessages = {
  network: '网络连接失败，请检查网络后重试',
  server: '服务器返回了无法识别的响应',
};

export function setFallbackMessages(network: string, server: string): void {
  fallbackMessages.network = network;
  fallbackMessages.server = server;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | FormData | undefined;
  if (method !== 'GET') {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    if (opts.body instanceof FormData) {
      body = opts.body;
    } else if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
  }
  return fetch(buildUrl(path, opts.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: opts.signal,
  });
}

async function toApiError(res: Response): Promise<ApiError> {
  let parsed: Partial<ErrorBody> | null = null;
  try {
    parsed = (await res.json()) as Partial<ErrorBody>;
  } catch {
    parsed = null;
  }
  const err = parsed?.error;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    return new ApiError(res.status, err.code, err.message, err.details, parsed?.requestId);
  }
  return new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'UNKNOWN', `${fallbackMessages.server} (HTTP ${res.status})`);
}

/** Refresh the CSRF token from the current session. Returns false when there is no session. */
async function refreshCsrf(): Promise<boolean> {
  try {
    const res = await send('GET', '/api/auth/me', {});
    if (!res.ok) return false;
    const me = (await res.json()) as MeDto;
    csrfToken = me.csrfToken;
    return true;
  } catch {
    return false;
  }
}

/** Sends a request and turns any failure into a reported, thrown ApiError. */
async function sendChecked(method: string, path: string, opts: RequestOptions): Promise<Response> {
  let res: Response;
  try {
    res = await send(method, path, opts);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const error = new ApiError(0, 'NETWORK', fallbackMessages.network);
    if (!opts.silent) handlers.notifyError(error.message, error);
    throw error;
  }

  let error: ApiError | null = res.ok ? null : await toApiError(res);
  if (error?.code === 'CSRF_FAILED' && method !== 'GET' && (await refreshCsrf())) {
    res = await send(method, path, opts);
    error = res.ok ? null : await toApiError(res);
  }

  if (error) {
    if (!opts.noRedirect) {
      if (error.status === 401 && UNAUTHENTICATED_CODES.has(error.code)) {
        csrfToken = null;
        handlers.onUnauthenticated();
      } else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
        handlers.onPasswordChangeRequired();
      }
    }
    if (!opts.silent) handlers.notifyError(error.message, error);
    throw error;
  }
  return res;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await sendChecked(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  // Session answers (login, /me) carry the CSRF token: keep the latest in memory.
  if (path.startsWith('/api/auth/') && data && typeof data === 'object' && 'csrfToken' in data) {
    const token = (data as { csrfToken: unknown }).csrfToken;
    if (typeof token === 'string') csrfToken = token;
  }
  return data as T;
}

/** The file name from a Content-Disposition header (RFC 5987 `filename*` first). */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Downloads a file answer (GET) and hands it to the browser as a saved file. */
export async function download(path: string, fallbackName: string, opts: RequestOptions = {}): Promise<void> {
  const res = await sendChecked('GET', path, opts);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
