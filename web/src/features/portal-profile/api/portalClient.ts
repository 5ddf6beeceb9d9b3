import { apiErrorFromResponse, networkError } from '@/shared/api/apiError';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;

/** The portal shell may hand over the CSRF token it read from `/api/portal/me`; otherwise it is fetched once. */
export function setPortalCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function send(path: string, method: Method, body: unknown, csrf: string | null): Promise<Response> {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (csrf) headers.set('x-csrf-token', csrf);
  try {
    return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
}

async function currentCsrfToken(): Promise<string | null> {
  if (csrfToken) return csrfToken;
  const response = await send('/api/portal/me', 'GET', undefined, null);
  if (!response.ok) throw await apiErrorFromResponse(response);
  const me = (await response.json()) as { csrfToken?: string };
  csrfToken = me.csrfToken ?? null;
  return csrfToken;
}

/**
 * Calls the portal API with the advocate's session (its own cookie and CSRF token, apart from
 * the internal users' client, so a 401 here never sends anyone to the staff sign-in page).
 */
export async function portalApi<T>(path: string, method: Method = 'GET', body?: unknown): Promise<T> {
  const csrf = method === 'GET' ? null : await currentCsrfToken();
  let response = await send(path, method, body, csrf);
  if (response.status === 403 && method !== 'GET') {
    // A token from an earlier session: read the current one and try once more.
    csrfToken = null;
    response = await send(path, method, body, await currentCsrfToken());
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
