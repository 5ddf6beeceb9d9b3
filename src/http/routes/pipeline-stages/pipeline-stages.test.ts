import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema/index.js';
import { DEFAULT_PIPELINE_STAGES } from '../../../domain/requests/program-policy.js';
import { ROLES } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';

interface StageJson {
  key: string;
  label: string;
  description: string | null;
  position: number;
  retired: boolean;
  openOpportunityCount: number;
}
type StageInput = { key?: string; label: string; description?: string | null; retired?: boolean };

let t: TestApp;
let admin: ApiClient;
let seller: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  seller = await t.signedInAs(['sales']);
});
afterAll(() => t.close());

const put = (client: ApiClient, stages: StageInput[]) => client.request({ method: 'PUT', url: '/api/pipeline-stages', payload: { stages } });
const current = async () => (await admin.get('/api/pipeline-stages')).json<{ stages: StageJson[] }>().stages;
const asInput = (stages: StageJson[]): StageInput[] => stages.map(({ key, label, description, retired }) => ({ key, label, description, retired }));
const pipelineAudits = () => t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'pipeline.updated'));

describe('who may read and change the pipeline', () => {
  it('refuses anonymous callers with 401', async () => {
    expect((await t.client().get('/api/pipeline-stages')).statusCode).toBe(401);
    expect((await put(t.client(), [{ label: 'x' }])).statusCode).toBe(401);
  });

  it.each(ROLES)('lets the %s role read the pipeline in order; only admins change it', async (role) => {
    const client = role === 'admin' ? admin : await t.signedInAs([role]);
    const res = await client.get('/api/pipeline-stages');
    expect(res.statusCode).toBe(200);
    const stages = res.json<{ stages: StageJson[] }>().stages;
    expect(stages.filter((s) => !s.retired).length).toBeGreaterThan(0);
    expect([...stages].sort((a, b) => a.position - b.position)).toEqual(stages);
    const change = await put(client, asInput(stages));
    expect(change.statusCode).toBe(role === 'admin' ? 200 : 403);
  });
});

describe('changing the pipeline', () => {
  it('starts with the default stages', async () => {
    expect((await current()).map((s) => s.key)).toEqual(DEFAULT_PIPELINE_STAGES.map((s) => s.key));
  });

  it('adds, renames, reorders and retires stages without breaking the opportunities at them', async () => {
    const deal = await seller.post('/api/opportunities', { name: 'Acme', prospectName: 'Acme', stageKey: 'demonstration' });
    expect(deal.statusCode, deal.body).toBe(201);
    const before = await current();
    expect(before.find((s) => s.key === 'demonstration')?.openOpportunityCount).toBe(1);
    const audits = (await pipelineAudits()).length;

    const [qualification, discovery, demonstration, ...rest] = asInput(before);
    const res = await put(admin, [
      { ...discovery!, label: 'Discovery call' },
      { ...qualification! },
      { label: 'Business case', description: 'ROI agreed with the champion' },
      { ...demonstration!, retired: true },
      ...rest,
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<{ stages: StageJson[] }>().stages;
    expect(after.map((s) => [s.key, s.label, s.retired])).toEqual([
      ['discovery', 'Discovery call', false],
      ['qualification', 'Qualification', false],
      ['business_case', 'Business case', false],
      ['demonstration', 'Demonstration', true],
      ...rest.map((s) => [s.key, s.label, false]),
    ]);
    expect(after.find((s) => s.key === 'demonstration')?.openOpportunityCount).toBe(1);

    const opportunity = (await seller.get(`/api/opportunities/${deal.json<{ id: string }>().id}`)).json();
    expect(opportunity).toMatchObject({ stageKey: 'demonstration', stage: { key: 'demonstration', retired: true } });
    expect((await seller.post('/api/opportunities', { name: 'B', prospectName: 'B', stageKey: 'demonstration' })).statusCode).toBe(400);
    expect((await seller.post('/api/opportunities', { name: 'B', prospectName: 'B', stageKey: 'business_case' })).statusCode).toBe(201);

    const events = await pipelineAudits();
    expect(events).toHaveLength(audits + 1);
    expect(events.at(-1)?.details).toMatchObject({
      added: ['business_case'],
      renamed: [{ key: 'discovery', from: 'Discovery', to: 'Discovery call' }],
      retired: ['demonstration'],
      restored: [],
      reordered: true,
    });

    // Restoring puts it back in use; sending the same list again changes nothing and audits nothing.
    const restored = asInput(after).map((s) => (s.key === 'demonstration' ? { ...s, retired: false } : s));
    expect((await put(admin, restored)).json<{ stages: StageJson[] }>().stages.find((s) => s.key === 'demonstration')?.retired).toBe(false);
    const count = (await pipelineAudits()).length;
    expect((await put(admin, restored)).statusCode).toBe(200);
    expect(await pipelineAudits()).toHaveLength(count);
  });

  it('never deletes a stage: leaving one out is refused', async () => {
    const stages = asInput(await current());
    const res = await put(admin, stages.slice(1));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'stages', reason: expect.stringMatching(/is missing: stages are never deleted, retire it instead/) }]);
  });

  it('refuses duplicate labels and keys, bad keys, and a pipeline with every stage retired, all at once', async () => {
    const stages = asInput(await current());
    const first = stages[0]!;
    const res = await put(admin, [
      ...stages,
      { label: first.label.toUpperCase() },
      { key: first.key, label: 'Another name' },
      { key: 'Bad Key!', label: 'Bad key' },
    ]);
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual([`stages.${stages.length}.label`, `stages.${stages.length + 1}.key`, `stages.${stages.length + 2}.key`]);
    const allRetired = await put(admin, stages.map((s) => ({ ...s, retired: true })));
    expect(allRetired.statusCode).toBe(400);
    expect(allRetired.json().errors).toEqual([{ field: 'stages', reason: 'at least one stage must stay in use' }]);
    expect((await put(admin, [])).statusCode).toBe(400);
  });

  it('gives a new stage a unique key even when its label matches an existing key', async () => {
    const stages = asInput(await current());
    const res = await put(admin, [...stages, { label: 'Proposal!' }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ stages: StageJson[] }>().stages.at(-1)).toMatchObject({ key: 'proposal_2', label: 'Proposal!' });
  });
});
