import pino, { type Logger } from 'pino';
import { LOG_REDACT_PATHS } from './http/app.js';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } }, destination);
}
