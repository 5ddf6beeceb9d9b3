import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema/index.js';
import { DEFAULT_PROGRAM_POLICY, type ProgramPolicy } from '../../../domain/requests/program-policy.js';
import { ROLES } from '../../../domain/roles.js';
import { getProgramPolicy } from '../../../services/program-policies/get-program-policy.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';

interface PoliciesJson {
  policy: ProgramPolicy;
  defaults: ProgramPolicy;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

const put = (client: ApiClient, policy: unknown) => client.request({ method: 'PUT', url: '/api/program-policies', payload: policy as object });
const policyAudits = () => t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'program_policy.updated'));
const clone = (policy: ProgramPolicy): ProgramPolicy => structuredClone(policy);

describe('who may read and change the program policies', () => {
  it('reads the defaults before anyone changed them', async () => {
    expect((await admin.get('/api/program-policies')).json()).toEqual({ policy: DEFAULT_PROGRAM_POLICY, defaults: DEFAULT_PROGRAM_POLICY, updatedAt: null, updatedBy: null });
    expect(await getProgramPolicy(t.deps.db)).toEqual(DEFAULT_PROGRAM_POLICY);
  });

  it('refuses anonymous callers with 401', async () => {
    expect((await t.client().get('/api/program-policies')).statusCode).toBe(401);
    expect((await put(t.client(), DEFAULT_PROGRAM_POLICY)).statusCode).toBe(401);
  });

  it.each(ROLES)('lets the %s role read the policies; only admins change them', async (role) => {
    const client = role === 'admin' ? admin : await t.signedInAs([role]);
    const res = await client.get('/api/program-policies');
    expect(res.statusCode).toBe(200);
    const body = res.json<PoliciesJson>();
    expect(body.defaults).toEqual(DEFAULT_PROGRAM_POLICY);
    const changed = clone(body.policy);
    changed.approvalDueBusinessDays = body.policy.approvalDueBusinessDays === 3 ? 4 : 3;
    expect((await put(client, changed)).statusCode).toBe(role === 'admin' ? 200 : 403);
  });
});

describe('changing the program policies', () => {
  it('changes a lead time: stored, read back, used by getProgramPolicy, audited with the old value', async () => {
    const before = (await admin.get('/api/program-policies')).json<PoliciesJson>();
    const audits = (await policyAudits()).length;
    const next = clone(before.policy);
    next.leadTimeBusinessDays.site_visit = 20;
    next.readiness.reference_call = { minStageKey: 'proposal', requiredFacts: ['decision_maker_buy_in', 'finalist'] };
    const res = await put(admin, next);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<PoliciesJson>();
    expect(body.policy.leadTimeBusinessDays.site_visit).toBe(20);
    expect(body.updatedBy?.id).toBe(admin.userId);
    expect(body.updatedAt).not.toBeNull();
    expect((await admin.get('/api/program-policies')).json<PoliciesJson>().policy).toEqual(next);
    expect(await getProgramPolicy(t.deps.db)).toEqual(next);
    const events = await policyAudits();
    expect(events).toHaveLength(audits + 1);
    expect(events.at(-1)?.details).toEqual({
      changed: ['readiness', 'leadTimeBusinessDays'],
      before: { readiness: before.policy.readiness, leadTimeBusinessDays: before.policy.leadTimeBusinessDays },
    });
    expect(events.at(-1)?.actorUserId).toBe(admin.userId);

    // The same document again changes nothing and audits nothing.
    expect((await put(admin, next)).statusCode).toBe(200);
    expect(await policyAudits()).toHaveLength(audits + 1);
  });

  it('refuses a malformed document with a reason per field', async () => {
    const bad = clone(DEFAULT_PROGRAM_POLICY) as unknown as Record<string, unknown>;
    bad.defaultLeadTimeBusinessDays = -1;
    bad.caps = { ...DEFAULT_PROGRAM_POLICY.caps, windowDays: 1 };
    bad.defaultSelectionMode = 'lottery';
    const res = await put(admin, bad);
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort();
    expect(fields).toEqual(['caps.windowDays', 'defaultLeadTimeBusinessDays', 'defaultSelectionMode']);
    const { matchingWeights, ...missing } = DEFAULT_PROGRAM_POLICY;
    expect(matchingWeights).toBeDefined();
    expect((await put(admin, missing)).statusCode).toBe(400);
  });

  it('refuses activity types and stages that do not exist', async () => {
    const next = clone(DEFAULT_PROGRAM_POLICY);
    next.leadTimeBusinessDays.skydiving = 3;
    next.readiness.reference_call = { minStageKey: 'signed_in_blood', requiredFacts: [] };
    next.defaultReadiness = { minStageKey: 'nowhere', requiredFacts: [] };
    const res = await put(admin, next);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'leadTimeBusinessDays.skydiving', reason: '"skydiving" is not an activity type' },
      { field: 'readiness.reference_call.minStageKey', reason: '"signed_in_blood" is not a pipeline stage' },
      { field: 'defaultReadiness.minStageKey', reason: '"nowhere" is not a pipeline stage' },
    ]);
  });
});

describe('the API description', () => {
  it('documents the opportunity, pipeline and policy routes with their schemas', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>();
    expect(Object.keys(doc.paths['/api/opportunities'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/opportunities/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/api/pipeline-stages'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(Object.keys(doc.paths['/api/program-policies'] ?? {}).sort()).toEqual(['get', 'put']);
    for (const schema of ['Opportunity', 'OpportunityDetail', 'ReadinessGap', 'PipelineStage', 'ProgramPolicy', 'ProgramPolicies']) {
      expect(doc.components.schemas, schema).toHaveProperty(schema);
    }
    const policy = JSON.stringify(doc.components.schemas['ProgramPolicy']);
    for (const part of ['readiness', 'leadTimeBusinessDays', 'caps', 'matchingWeights', 'selectionMode', 'approvalDueBusinessDays']) expect(policy).toContain(part);
  });
});
