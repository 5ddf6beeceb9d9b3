import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../../services/errors.js';

export const PROBLEM_TYPE_BASE = 'https://vouch.dev/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export function sendProblem(reply: FastifyReply, problem: Omit<ProblemBody, 'type'> & { type?: string }, headers: Record<string, string> = {}) {
  const body: ProblemBody = {
    type: problem.type ?? `${PROBLEM_TYPE_BASE}${slug(problem.title)}`,
    ...problem,
    instance: reply.request.url.split('?')[0],
  };
  return reply.code(problem.status).headers(headers).type('application/problem+json').send(body);
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Maps every error to RFC 9457 problem+json. Bad input is always a 4xx, never a 500. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, { status: error.status, title: error.title, detail: error.detail, errors: error.errors }, error.headers);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = (error as FastifyError).validationContext ?? 'body';
      const errors = error.validation.map((issue) => ({
        field: fieldName(location, issue.instancePath),
        reason: issue.message ?? 'is not valid',
      }));
      return sendProblem(reply, { status: 400, title: 'Invalid input', detail: 'Some fields are not valid.', errors });
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode ?? 500;
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      return sendProblem(reply, { status: 400, title: 'Malformed JSON', detail: 'The request body is not valid JSON.' });
    }
    if (status >= 400 && status < 500) {
      return sendProblem(reply, { status, title: titleFor(status), detail: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, { status: 500, title: 'Internal server error', detail: 'Something went wrong on our side. It has been logged.' });
  });
});

function fieldName(location: string, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (location === 'body') return path || '(body)';
  const prefix = location === 'querystring' ? 'query' : location;
  return path ? `${prefix}.${path}` : prefix;
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad request',
    401: 'Not signed in',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    406: 'Not acceptable',
    413: 'Payload too large',
    415: 'Unsupported media type',
    429: 'Too many requests',
  };
  return titles[status] ?? 'Request error';
}
