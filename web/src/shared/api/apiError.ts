/** A field-level problem reported by the server: `field` is a dotted path such as `email` or `roles.0`. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** The RFC 9457 problem document every API error uses. */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
}

interface ApiErrorInit {
  status: number;
  title: string;
  type?: string;
  detail?: string | null;
  fieldErrors?: Record<string, string>;
  retryAfter?: number | null;
}

/** Any failed API call: an HTTP error with its problem document, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | null;
  /** Server messages keyed by dotted field path. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Seconds to wait before retrying (from `Retry-After`), when the server sent one. */
  readonly retryAfter: number | null;

  constructor(init: ApiErrorInit) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.detail = init.detail ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfter = init.retryAfter ?? null;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }

  /** A sentence fit to show a person. */
  get userMessage(): string {
    if (this.status === 429) return tooManyAttemptsMessage(this.retryAfter);
    return this.detail ?? this.title;
  }
}

export function tooManyAttemptsMessage(retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null) return 'Too many attempts, try again in a few minutes.';
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldProblems(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!Array.isArray(value)) return result;
  for (const entry of value) {
    if (!isRecord(entry)) continue;
    const { field, reason } = entry;
    if (typeof field !== 'string' || typeof reason !== 'string') continue;
    // Keep the first message per field; the server lists the most important first.
    if (!(field in result)) result[field] = reason;
  }
  return result;
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.round((date - Date.now()) / 1000));
}

const fallbackTitles: Record<number, string> = {
  400: 'The request was not valid',
  401: 'Please sign in',
  403: "You don't have permission to do that",
  404: 'Not found',
  409: 'That conflicts with the current state',
  410: 'No longer available',
  413: 'That is too large',
  429: 'Too many attempts',
  500: 'Something went wrong on the server',
  502: 'The server is not reachable right now',
  503: 'The server is busy or starting up',
  504: 'The server took too long to answer',
};

/** Builds an ApiError from a failed response, reading the problem+json body when there is one. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  const problem: ProblemDocument = isRecord(body) ? (body as ProblemDocument) : {};
  const title =
    typeof problem.title === 'string' && problem.title !== ''
      ? problem.title
      : (fallbackTitles[response.status] ?? (response.statusText || `Request failed (${response.status})`));
  return new ApiError({
    status: response.status,
    title,
    type: typeof problem.type === 'string' ? problem.type : undefined,
    detail: typeof problem.detail === 'string' && problem.detail !== '' ? problem.detail : null,
    fieldErrors: parseFieldProblems(problem.errors),
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}

export function networkError(): ApiError {
  return new ApiError({
    status: 0,
    title: "Can't reach Vouch",
    detail: 'Check your connection and try again.',
  });
}

/** Turns anything thrown into a message for a person. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.userMessage;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
