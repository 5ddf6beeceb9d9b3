import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../../db/schema/index.js';
import { DEFAULT_PROGRAM_POLICY, programPolicySchema } from '../../../domain/requests/program-policy.js';
import { authorize } from '../../../policies/authorize.js';
import { programSettingsPolicy } from '../../../policies/program-settings.js';
import { getStoredProgramPolicy, type StoredProgramPolicy } from '../../../services/program-policies/get-program-policy.js';
import { updateProgramPolicy } from '../../../services/program-policies/update-program-policy.js';
import { requireActor } from '../../plugins/auth.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

const policySchema = programPolicySchema.meta({ id: 'ProgramPolicy' });

const programPoliciesSchema = z
  .object({
    policy: policySchema,
    defaults: policySchema.describe('The built-in defaults, for "reset to default"'),
    updatedAt: z.string().nullable(),
    updatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .meta({ id: 'ProgramPolicies' });

async function present(deps: RouteDeps, stored: StoredProgramPolicy) {
  const [by] = stored.updatedByUserId
    ? await deps.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, stored.updatedByUserId)).limit(1)
    : [];
  return { policy: stored.policy, defaults: DEFAULT_PROGRAM_POLICY, updatedAt: stored.updatedAt?.toISOString() ?? null, updatedBy: by ?? null };
}

export function registerProgramPolicyRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/program-policies',
    {
      schema: {
        tags: ['program settings'],
        summary: 'The program policies: readiness gates, lead times, caps, weights, selection mode (every internal role)',
        response: { 200: programPoliciesSchema, ...errors },
      },
    },
    async (request) => {
      authorize(programSettingsPolicy.view(requireActor(request)));
      return present(deps, await getStoredProgramPolicy(deps.db));
    },
  );

  app.put(
    '/api/program-policies',
    {
      schema: {
        tags: ['program settings'],
        summary: 'Replace the program policies (admins; audited with what changed)',
        body: programPolicySchema,
        response: { 200: programPoliciesSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(programSettingsPolicy.change(actor));
      return present(deps, await updateProgramPolicy(deps, actor, request.body));
    },
  );
}
