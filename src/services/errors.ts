/** A field-level reason for refusing input, reported as `errors[]` in problem+json. */
export interface FieldError {
  field: string;
  reason: string;
}

/**
 * An expected failure of a use case. The HTTP layer turns it into an RFC 9457 problem;
 * the CLI prints its title and detail.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly detail?: string,
    public readonly errors?: FieldError[],
    public readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export const invalidInput = (errors: FieldError[], detail = 'Some fields are not valid.') =>
  new AppError(400, 'Invalid input', detail, errors);
export const unauthenticated = (detail = 'Sign in to continue.') => new AppError(401, 'Not signed in', detail);
export const forbidden = (detail = 'You do not have permission to do this.') => new AppError(403, 'Forbidden', detail);
export const notFound = (what: string) => new AppError(404, 'Not found', `${what} was not found.`);
export const conflict = (detail: string, errors?: FieldError[]) => new AppError(409, 'Conflict', detail, errors);
export const gone = (detail: string) => new AppError(410, 'Gone', detail);
export const tooManyRequests = (retryAfterSeconds: number, detail: string) =>
  new AppError(429, 'Too many requests', detail, undefined, { 'retry-after': String(retryAfterSeconds) });
