import { ApiError, apiErrorFromResponse, networkError } from './apiError';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A query parameter; a list is sent as the parameter repeated (`topic=a&topic=b`). */
export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions {
  method?: Method;
  /** JSON body; sent with `content-type: application/json`. */
  body?: unknown;
  query?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal;
  /**
   * A 401 normally means the session ended and sends the person to sign in.
   * Calls where 401 is an expected answer (sign-in, "who am I") opt out.
   */
  expectUnauthorized?: boolean;
}

let csrfToken: string | null = null;
let unauthorizedListener: (() => void) | null = null;

/** Stores the CSRF token from the sign-in or `/api/auth/me` response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what to do when the server says the session is gone. */
export function onSessionEnded(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

const unsafeMethods: ReadonlySet<Method> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export function buildUrl(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'object') {
      for (const item of value) if (item !== '') params.append(key, item);
    } else {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Calls the Vouch API and returns the parsed JSON (or `undefined` for 204). Throws ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (unsafeMethods.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }

  if (!response.ok) {
    const apiError = await apiErrorFromResponse(response);
    if (apiError.status === 401 && !options.expectUnauthorized) unauthorizedListener?.();
    throw apiError;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({ status: response.status, title: 'The server sent an unreadable answer' });
  }
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal): Promise<T> =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown): Promise<T> => apiRequest<T>(path, { method: 'PATCH', body }),
};
