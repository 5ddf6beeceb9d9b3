import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { auditEvents, outboxMessages, webhookEndpoints } from '../../../db/schema/index.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

async function insertMessage(values: Partial<typeof outboxMessages.$inferInsert>) {
  const [row] = await t.db.database.db
    .insert(outboxMessages)
    .values({ kind: 'test', recipient: 'x@example.com', subject: 'Subject', bodyText: 'Text', bodyHtml: '<p>Html</p>', ...values })
    .returning();
  return row!;
}

describe('outbox', () => {
  it('shows admins each message as the recipient would see it', async () => {
    await admin.post('/api/invitations', { email: 'reader@example.com', name: 'Rea Der', roles: ['sales'], team: 'sales' });
    const page = (await admin.get('/api/outbox-messages?status=held')).json();
    const message = page.items.find((m: { to: string }) => m.to === 'reader@example.com');
    expect(message).toMatchObject({ kind: 'user.invitation', status: 'held', channel: 'email', subject: 'You are invited to Northwind Testing on Vouch', attachments: [], webhookBody: null });
    expect(message.html).toContain('<!doctype html>');
    const one = await admin.get(`/api/outbox-messages/${message.id}`);
    expect(one.json().text).toContain('/accept-invitation#token=');
  });

  it('shows the channel, the attachments (not their content), the endpoint by name and the posted body', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nATTENDEE:mailto:advocate@customer.example\r\nEND:VCALENDAR\r\n';
    const mail = await insertMessage({ status: 'pending', attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics }] });
    const [endpoint] = await t.db.database.db.insert(webhookEndpoints).values({ kind: 'teams', name: 'Program', url: 'http://127.0.0.1:9/secret-path' }).returning();
    const post = await insertMessage({ channel: 'teams', recipient: endpoint!.id, bodyHtml: '', payload: { type: 'message' } });
    const orphan = await insertMessage({ channel: 'slack', recipient: '00000000-0000-4000-8000-000000000000', bodyHtml: '' });

    const m = (await admin.get(`/api/outbox-messages/${mail.id}`)).json();
    expect(m.attachments).toEqual([{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', size: ics.length }]);
    expect(JSON.stringify(m)).not.toContain('advocate@customer.example');
    expect((await admin.get(`/api/outbox-messages/${post.id}`)).json()).toMatchObject({ channel: 'teams', to: 'Teams: Program', webhookBody: { type: 'message' } });
    expect((await admin.get(`/api/outbox-messages/${orphan.id}`)).json()).toMatchObject({ channel: 'slack', to: 'Slack: a deleted endpoint' });
    const body = JSON.stringify((await admin.get('/api/outbox-messages?channel=teams')).json());
    expect(body).toContain(post.id);
    expect(body).not.toContain(mail.id);
    expect(body).not.toContain('secret-path');
  });

  it('lets an admin retry a dead or failed message, once, audited', async () => {
    const dead = await insertMessage({ status: 'dead', attempts: 8, lastError: 'Mailbox unavailable' });
    const retried = await admin.post(`/api/outbox-messages/${dead.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await admin.post(`/api/outbox-messages/${dead.id}/retry`)).statusCode).toBe(409);
    const sent = await insertMessage({ status: 'sent' });
    expect((await admin.post(`/api/outbox-messages/${sent.id}/retry`)).json().detail).toMatch(/already delivered/);
    expect((await admin.post('/api/outbox-messages/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
    const [audit] = await t.db.database.db.select().from(auditEvents).where(like(auditEvents.action, 'outbox.%'));
    expect(audit).toMatchObject({ action: 'outbox.message_retried', targetId: dead.id, details: { from: 'dead', attempts: 8, lastError: 'Mailbox unavailable' } });
  });

  it('keeps held e-mails held while no e-mail server is configured', async () => {
    const held = await insertMessage({ status: 'held' });
    const refused = await admin.post(`/api/outbox-messages/${held.id}/retry`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/SMTP_URL/);
    const [row] = await t.db.database.db.select().from(outboxMessages).where(eq(outboxMessages.id, held.id));
    expect(row?.status).toBe('held');
  });

  it('is closed to everyone else, because messages carry sign-in links', async () => {
    const sales = await t.signedInAs(['sales', 'owner', 'marketing', 'exec']);
    expect((await sales.get('/api/outbox-messages')).statusCode).toBe(403);
    const dead = await insertMessage({ status: 'dead' });
    expect((await sales.post(`/api/outbox-messages/${dead.id}/retry`)).statusCode).toBe(403);
    expect((await t.client().get('/api/outbox-messages')).statusCode).toBe(401);
    expect((await t.client().post(`/api/outbox-messages/${dead.id}/retry`)).statusCode).toBe(401);
  });
});

describe('outbox with an e-mail server configured', () => {
  let withSmtp: TestApp;
  beforeAll(async () => {
    withSmtp = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
  });
  afterAll(() => withSmtp.close());

  it('sends a held e-mail when an admin asks', async () => {
    const [held] = await withSmtp.db.database.db.insert(outboxMessages).values({ kind: 'test', recipient: 'x@example.com', subject: 'S', bodyText: 'T', bodyHtml: '', status: 'held' }).returning();
    const a = await withSmtp.signedInAs(['admin']);
    expect((await a.post(`/api/outbox-messages/${held!.id}/retry`)).json()).toMatchObject({ status: 'pending' });
  });
});
