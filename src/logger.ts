import type { IncomingMessage } from 'node:http';
import pino, { type Logger } from 'pino';
import { LOG_REDACT_PATHS } from './http/app.js';

/** Signed-link tokens travel in some paths (/api/ask/:token and the page /ask/:token): they never reach a log line. */
export function redactUrlTokens(url: string | undefined): string | undefined {
  // The advocate portal's sign-in link carries its token in the query (/portal/auth?token=…).
  return url?.replace(/^(\/(?:api\/)?ask\/)[^/?#]+/, '$1[redacted]').replace(/([?&]token=)[^&#]*/g, '$1[redacted]');
}

/** Fastify's request serializer, with the URL's link tokens redacted. */
function serializeRequest(req: IncomingMessage & { ip?: string; host?: string }) {
  return {
    method: req.method,
    url: redactUrlTokens(req.url),
    version: req.headers?.['accept-version'],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' }, serializers: { req: serializeRequest } }, destination);
}
