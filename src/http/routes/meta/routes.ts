import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../domain/password-policy.js';
import type { ZodApp } from '../types.js';

export function registerMetaRoutes(app: ZodApp): void {
  app.get(
    '/api/meta/password-policy',
    {
      config: { public: true },
      schema: {
        tags: ['meta'],
        summary: 'Password rules, for forms',
        security: [],
        response: { 200: z.object({ minLength: z.number().int(), maxLength: z.number().int() }) },
      },
    },
    async () => ({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  );
}
