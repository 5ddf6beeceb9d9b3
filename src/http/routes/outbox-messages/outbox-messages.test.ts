import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

describe('outbox', () => {
  it('shows admins each message as the recipient would see it', async () => {
    await admin.post('/api/invitations', { email: 'reader@example.com', name: 'Rea Der', roles: ['sales'], team: 'sales' });
    const page = (await admin.get('/api/outbox-messages?status=held')).json();
    const message = page.items.find((m: { to: string }) => m.to === 'reader@example.com');
    expect(message).toMatchObject({ kind: 'user.invitation', status: 'held', subject: 'You are invited to Northwind Testing on Vouch' });
    expect(message.html).toContain('<!doctype html>');
    const one = await admin.get(`/api/outbox-messages/${message.id}`);
    expect(one.json().text).toContain('/accept-invitation#token=');
  });

  it('is closed to everyone else, because messages carry sign-in links', async () => {
    const sales = await t.signedInAs(['sales', 'owner', 'marketing', 'exec']);
    expect((await sales.get('/api/outbox-messages')).statusCode).toBe(403);
    expect((await t.client().get('/api/outbox-messages')).statusCode).toBe(401);
  });
});
