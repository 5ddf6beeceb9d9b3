import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, outboxMessages } from '../../../db/schema/index.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createUser } from '../../../../test/helpers/factories.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');
let counter = 0;
const invite = (client: ApiClient, overrides: object = {}) =>
  client.post('/api/invitations', { email: `new.person${++counter}@example.com`, name: 'New Person', roles: ['owner'], team: 'customer_success', ...overrides });

describe('invitations', () => {
  it('only admins invite', async () => {
    for (const role of ['sales', 'owner', 'marketing', 'exec'] as const) {
      const client = await t.signedInAs([role]);
      expect((await invite(client)).statusCode).toBe(403);
      expect((await client.get('/api/invitations')).statusCode).toBe(403);
    }
    expect((await invite(t.client())).statusCode).toBe(401);
  });

  it('writes the e-mail to the outbox and shows the link while no SMTP is configured', async () => {
    const res = await invite(admin, { email: 'Ada.Lovelace@Example.com', name: 'Ada Lovelace' });
    expect(res.statusCode).toBe(201);
    const { invitation, inviteUrl } = res.json();
    expect(invitation).toMatchObject({ email: 'ada.lovelace@example.com', status: 'pending', roles: ['owner'], invitedBy: { id: admin.userId } });
    expect(inviteUrl).toMatch(/^http:\/\/vouch\.test\/accept-invitation#token=[\w-]{43}$/);
    const [message] = await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'ada.lovelace@example.com'));
    expect(message).toMatchObject({ kind: 'user.invitation', status: 'held' });
    expect(message?.bodyText).toContain(inviteUrl);
    expect(message?.bodyHtml).toContain('Accept the invitation');
    const [audit] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, invitation.id));
    expect(audit?.action).toBe('user.invited');
  });

  it('accepts once: creates the user with the invited roles, who can then sign in', async () => {
    const { inviteUrl } = (await invite(admin, { email: 'once@example.com', roles: ['marketing', 'exec'], team: 'pr' })).json();
    const token = tokenOf(inviteUrl);
    const preview = await t.client().post('/api/invitations/preview', { token });
    expect(preview.json()).toMatchObject({ email: 'once@example.com', roles: ['marketing', 'exec'], organization: { name: 'Northwind Testing' } });
    const weak = await t.client().post('/api/invitations/accept', { token, name: 'Once Only', password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('password');
    const ok = await t.client().post('/api/invitations/accept', { token, name: 'Once Only', password: 'quiet meadow lantern 77' });
    expect(ok.statusCode).toBe(201);
    const client = t.client();
    const signIn = await client.signIn('once@example.com', 'quiet meadow lantern 77');
    expect(signIn.json().user).toMatchObject({ roles: ['marketing', 'exec'], team: 'pr', name: 'Once Only' });
    const again = await t.client().post('/api/invitations/accept', { token, name: 'Twice', password: 'quiet meadow lantern 77' });
    expect(again.statusCode).toBe(410);
    expect((await t.client().post('/api/invitations/preview', { token })).statusCode).toBe(410);
  });

  it('refuses unknown, expired and revoked links', async () => {
    expect((await t.client().post('/api/invitations/preview', { token: 'x'.repeat(43) })).statusCode).toBe(404);
    const expiring = (await invite(admin)).json();
    const revoked = (await invite(admin)).json();
    expect((await admin.post(`/api/invitations/${revoked.invitation.id}/revoke`)).json().status).toBe('revoked');
    expect((await t.client().post('/api/invitations/accept', { token: tokenOf(revoked.inviteUrl), name: 'R', password: 'quiet meadow lantern 77' })).statusCode).toBe(410);
    t.clock.advance(t.config.invitationTtlMs + 1000);
    const expired = await t.client().post('/api/invitations/accept', { token: tokenOf(expiring.inviteUrl), name: 'E', password: 'quiet meadow lantern 77' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toContain('expired');
    // Resending an expired invitation issues a new link and invalidates the old one.
    admin = await t.signedInAs(['admin']); // the clock jump ended the old session
    const resent = await admin.post(`/api/invitations/${expiring.invitation.id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json().invitation.status).toBe('pending');
    expect((await t.client().post('/api/invitations/preview', { token: tokenOf(expiring.inviteUrl) })).statusCode).toBe(404);
    expect((await t.client().post('/api/invitations/preview', { token: tokenOf(resent.json().inviteUrl) })).statusCode).toBe(200);
  });

  it('refuses duplicates: an existing user or a pending invitation', async () => {
    const user = await createUser(t.deps.db);
    const existing = await invite(admin, { email: user.email.toUpperCase() });
    expect(existing.statusCode).toBe(409);
    expect(existing.json().errors[0].field).toBe('email');
    await invite(admin, { email: 'twice@example.com' });
    expect((await invite(admin, { email: 'twice@example.com' })).statusCode).toBe(409);
  });

  it('lists invitations by status', async () => {
    const pending = (await admin.get('/api/invitations?status=pending')).json();
    expect(pending.items.length).toBeGreaterThan(0);
    expect(pending.items.every((i: { status: string }) => i.status === 'pending')).toBe(true);
  });

  it('queues the e-mail for delivery and hides the link when SMTP is configured', async () => {
    const withSmtp = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    try {
      const smtpAdmin = await withSmtp.signedInAs(['admin']);
      const res = await invite(smtpAdmin, { email: 'mailed@example.com' });
      expect(res.statusCode).toBe(201);
      expect(res.json().inviteUrl).toBeNull();
      const [message] = await withSmtp.deps.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'mailed@example.com'));
      expect(message?.status).toBe('pending');
    } finally {
      await withSmtp.close();
    }
  });
});
