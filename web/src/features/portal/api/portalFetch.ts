import { apiErrorFromResponse, networkError } from '@/shared/api/apiError';

type Method = 'GET' | 'POST' | 'DELETE';

let csrfToken: string | null = null;

/** The portal session's CSRF token (from `/api/portal/me` or the link exchange); kept apart from the staff client's. */
export function setPortalCsrf(token: string | null): void {
  csrfToken = token;
}

/**
 * Calls the portal API with the advocate's own cookie and CSRF token. A 401 here is handled by
 * the portal (back to its sign-in page), never by the staff app.
 */
export async function portalFetch<T>(path: string, method: Method = 'GET', body?: unknown): Promise<T> {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
