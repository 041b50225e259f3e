/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, the
 * CSRF token on every state-changing request, and errors turned into `ApiError`s that pages
 * can explain (401 → sign in again, 403 → not allowed, 404 → capability not available yet).
 */

export const API_BASE = '/api';
const CSRF_HEADER = 'x-csrf-token';
const CSRF_COOKIES = ['csc_csrf', 'csrf_token', 'csrf', 'XSRF-TOKEN'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The route does not exist on this server (or answers 501): the capability is not built or enabled yet. */
  get notAvailable(): boolean {
    return this.status === 501 || (this.status === 404 && (this.code === 'http_404' || /^No route/.test(this.message)));
  }
  get unauthenticated(): boolean {
    return this.status === 401;
  }
  get forbidden(): boolean {
    return this.status === 403;
  }
}

let csrfToken: string | null = null;

/** Remembers the token the server gave at sign-in (or in /me); cookies are the fallback. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

function currentCsrfToken(): string | null {
  if (csrfToken) return csrfToken;
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name && CSRF_COOKIES.includes(name)) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = currentCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = defaultMessage(response.status);
  let details: unknown;
  try {
    const payload = (await response.json()) as { code?: unknown; message?: unknown; details?: unknown; error?: unknown };
    if (typeof payload.code === 'string') code = payload.code;
    if (typeof payload.message === 'string') message = payload.message;
    else if (typeof payload.error === 'string') message = payload.error;
    details = payload.details;
  } catch {
    // Not JSON (a proxy page, say): keep the plain message.
  }
  return new ApiError(response.status, code, message, details);
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'Your role does not allow you to see this.';
  if (status === 404) return 'This is not available on this server yet.';
  if (status === 429) return 'Too many requests. Please wait a moment and try again.';
  return 'Something went wrong on the server. Please try again; if it keeps happening, tell your system administrator.';
}

/**
 * Uploads a form with progress events (fetch cannot report upload progress; XHR can).
 * Resolves with the JSON answer; rejects with the same ApiError shape as apiJson.
 */
export function apiUpload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload could not reach the server.'));
    xhr.onload = () => {
      let payload: { code?: string; message?: string; details?: unknown } | undefined;
      try {
        payload = JSON.parse(xhr.responseText) as typeof payload;
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(new ApiError(xhr.status, payload?.code ?? `http_${xhr.status}`, payload?.message ?? defaultMessage(xhr.status), payload?.details));
    };
    xhr.send(form);
  });
}
