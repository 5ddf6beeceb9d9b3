import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { auditEvents, webhookEndpoints } from '../../../db/schema/index.js';
import { WebhookTestReceiver } from '../../../integrations/webhooks/webhook-test-receiver.js';

let t: TestApp;
let admin: ApiClient;
let receiver: WebhookTestReceiver;

const del = (client: ApiClient, url: string) => client.request({ method: 'DELETE', url });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  receiver = await new WebhookTestReceiver().listen();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answers = [];
});

describe('webhook endpoints', () => {
  it('lets an admin add, list, change, test and delete an endpoint, with the URL masked and audited', async () => {
    const created = await admin.post('/api/webhook-endpoints', { kind: 'slack', name: 'Program channel', url: receiver.url(), team: 'pr', events: ['request.submitted', 'request.won'] });
    expect(created.statusCode).toBe(201);
    const endpoint = created.json();
    expect(endpoint).toMatchObject({ kind: 'slack', name: 'Program channel', team: 'pr', events: ['request.submitted', 'request.won'], enabled: true, urlHint: `127.0.0.1:${receiver.port}/…abcd` });
    expect(JSON.stringify(endpoint)).not.toContain('secret-token');

    const list = (await admin.get('/api/webhook-endpoints')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toContain(endpoint.id);
    expect(JSON.stringify(list)).not.toContain('secret-token');
    expect(list.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['request.submitted', 'request.won', 'request.scheduled']));
    expect(list.events.map((e: { kind: string }) => e.kind)).not.toContain('advocate.ask');

    const changed = await admin.patch(`/api/webhook-endpoints/${endpoint.id}`, { enabled: false, team: null, name: 'Everyone', url: receiver.url('/services/T/B/other-token-wxyz') });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ enabled: false, team: null, name: 'Everyone', urlHint: `127.0.0.1:${receiver.port}/…wxyz` });

    const tested = await admin.post(`/api/webhook-endpoints/${endpoint.id}/test`);
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toEqual({ delivered: true, status: 200, error: null });
    expect(receiver.received).toHaveLength(1);
    const post = receiver.received[0]!;
    expect(post).toMatchObject({ method: 'POST', path: '/services/T/B/other-token-wxyz' });
    expect(post.headers['content-type']).toBe('application/json');
    expect(post.body).toMatchObject({ text: expect.stringContaining('Test message') as unknown, blocks: expect.any(Array) as unknown });

    receiver.answers = [500];
    const failing = (await admin.post(`/api/webhook-endpoints/${endpoint.id}/test`)).json();
    expect(failing).toMatchObject({ delivered: false, status: 500 });
    expect(failing.error).toMatch(/^Slack answered 500/);
    expect(failing.error).not.toContain('token');

    expect((await del(admin, `/api/webhook-endpoints/${endpoint.id}`)).statusCode).toBe(204);
    expect((await del(admin, `/api/webhook-endpoints/${endpoint.id}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/webhook-endpoints/${endpoint.id}/test`)).statusCode).toBe(404);

    const audit = await t.db.database.db.select().from(auditEvents).where(like(auditEvents.action, 'webhook_endpoint.%'));
    expect(audit.map((a) => a.action).sort()).toEqual(['webhook_endpoint.created', 'webhook_endpoint.deleted', 'webhook_endpoint.tested', 'webhook_endpoint.tested', 'webhook_endpoint.updated']);
    expect(JSON.stringify(audit)).not.toContain('token-');
  });

  it('posts a Teams Adaptive Card for a Teams endpoint', async () => {
    const endpoint = (await admin.post('/api/webhook-endpoints', { kind: 'teams', name: 'Teams', url: receiver.url('/webhookb2/abc') })).json();
    expect((await admin.post(`/api/webhook-endpoints/${endpoint.id}/test`)).json()).toMatchObject({ delivered: true });
    expect(receiver.received[0]?.body).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    await del(admin, `/api/webhook-endpoints/${endpoint.id}`);
  });

  it('says why input is refused, a reason per field, and never answers 500', async () => {
    const bad = await admin.post('/api/webhook-endpoints', { kind: 'slack', name: 'X', url: 'ftp://example.com/x', team: 'nope', events: ['advocate.ask', 'made.up'] });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['url', 'team', 'events.0', 'events.1']);
    expect((await admin.post('/api/webhook-endpoints', { kind: 'discord', name: 'X', url: receiver.url() })).statusCode).toBe(400);
    expect((await admin.post('/api/webhook-endpoints', { kind: 'slack', name: '', url: receiver.url() })).statusCode).toBe(400);
    expect((await admin.patch('/api/webhook-endpoints/not-a-uuid', { enabled: true })).statusCode).toBe(400);
    expect((await admin.patch('/api/webhook-endpoints/00000000-0000-4000-8000-000000000000', { enabled: true })).statusCode).toBe(404);
    expect((await admin.post('/api/webhook-endpoints', { kind: 'slack', name: 'X', url: 'http://u:p@127.0.0.1/x' })).json().errors).toEqual([{ field: 'url', reason: 'must not contain a user name or password' }]);
  });

  it('reports an endpoint that does not answer as not delivered', async () => {
    const closed = await new WebhookTestReceiver().listen();
    const url = closed.url();
    await closed.close();
    const endpoint = (await admin.post('/api/webhook-endpoints', { kind: 'slack', name: 'Gone', url })).json();
    const result = (await admin.post(`/api/webhook-endpoints/${endpoint.id}/test`)).json();
    expect(result).toMatchObject({ delivered: false, status: null });
    expect(result.error).toMatch(/Slack could not be reached/);
    await del(admin, `/api/webhook-endpoints/${endpoint.id}`);
  });

  it('is closed to every other role and to anonymous callers', async () => {
    const [row] = await t.db.database.db.insert(webhookEndpoints).values({ kind: 'slack', name: 'Existing', url: receiver.url() }).returning();
    for (const role of ['sales', 'owner', 'marketing', 'exec'] as const) {
      const client = await t.signedInAs([role]);
      expect((await client.get('/api/webhook-endpoints')).statusCode).toBe(403);
      expect((await client.post('/api/webhook-endpoints', { kind: 'slack', name: 'Mine', url: receiver.url() })).statusCode).toBe(403);
      expect((await client.patch(`/api/webhook-endpoints/${row!.id}`, { enabled: false })).statusCode).toBe(403);
      expect((await client.post(`/api/webhook-endpoints/${row!.id}/test`)).statusCode).toBe(403);
      expect((await del(client, `/api/webhook-endpoints/${row!.id}`)).statusCode).toBe(403);
    }
    const anonymous = t.client();
    expect((await anonymous.get('/api/webhook-endpoints')).statusCode).toBe(401);
    expect((await anonymous.post(`/api/webhook-endpoints/${row!.id}/test`)).statusCode).toBe(401);
    expect(receiver.received).toHaveLength(0);
    const [still] = await t.db.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, row!.id));
    expect(still).toMatchObject({ enabled: true, name: 'Existing' });
  });
});

describe('webhook URLs outside development', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ WEBHOOK_ALLOW_ANY_URL: 'false' });
  });
  afterAll(() => strict.close());

  it('accepts only Slack and Microsoft webhook hosts', async () => {
    const a = await strict.signedInAs(['admin']);
    expect((await a.post('/api/webhook-endpoints', { kind: 'slack', name: 'Local', url: receiver.url() })).json().errors).toEqual([{ field: 'url', reason: 'must start with https://' }]);
    expect((await a.post('/api/webhook-endpoints', { kind: 'slack', name: 'Slack', url: 'https://hooks.slack.com/services/T0/B0/XYZ1234' })).statusCode).toBe(201);
    expect((await a.post('/api/webhook-endpoints', { kind: 'teams', name: 'Teams', url: 'https://acme.webhook.office.com/webhookb2/abc/IncomingWebhook/def/ghi' })).statusCode).toBe(201);
    expect((await a.post('/api/webhook-endpoints', { kind: 'teams', name: 'Teams', url: 'https://hooks.slack.com/services/T0/B0/XYZ1234' })).statusCode).toBe(400);
  });
});
