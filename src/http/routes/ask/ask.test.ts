import { Writable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, outboxMessages } from '../../../db/schema/index.js';
import { createLogger, redactUrlTokens } from '../../../logger.js';
import { buildApp } from '../../app.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { businessDaysFromNow, createActiveAdvocate, createCast, type Cast } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
  await t.deps.db.update(accounts).set({ usageCap: 1000 }).where(eq(accounts.id, cast.accountId));
});
afterAll(() => t.close());

/** A marketing request for a case study, proposed by an admin and approved by the owner: the advocate's link. */
async function marketingAsk(): Promise<{ token: string; requestId: string; candidateId: string; email: string }> {
  const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
  const created = await cast.marketing.client.post('/api/requests', {
    activityTypeKey: 'case_study',
    purpose: 'Spring banking campaign',
    neededBy: businessDaysFromNow(t, 40),
    topicKeys: ['roi', 'migration'],
    note: 'Internal only: budget 40k',
    submit: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  const requestId = created.json<{ id: string }>().id;
  const proposed = await cast.admin.client.post(`/api/requests/${requestId}/candidates`, { advocateIds: [advocate.id] });
  expect(proposed.statusCode, proposed.body).toBe(200);
  const candidateId = proposed.json<{ candidates: { id: string }[] }>().candidates[0]!.id;
  const approved = await cast.owner.client.post(`/api/requests/${requestId}/candidates/${candidateId}/approve`, { reason: 'Happy customer' });
  expect(approved.statusCode, approved.body).toBe(200);
  const [mail] = await t.deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.kind, 'advocate.ask'), sql`${outboxMessages.payload} ->> 'candidateId' = ${candidateId}`));
  expect(mail).toMatchObject({ recipient: advocate.email, status: 'held' });
  const token = /ask#token=([A-Za-z0-9_-]+)/.exec(mail!.bodyText)![1]!;
  return { token, requestId, candidateId, email: advocate.email! };
}

describe('the ask page', () => {
  it('writes the link to the advocate into the outbox (held for admins without SMTP) with the context and the expiry', async () => {
    const { token } = await marketingAsk();
    const [mail] = await t.deps.db.select().from(outboxMessages).where(sql`${outboxMessages.bodyText} like ${`%${token}%`}`);
    expect(mail!.subject).toMatch(/case study/);
    expect(mail!.bodyText).toContain('http://vouch.test/ask#token=');
    expect(mail!.bodyText).toMatch(/roi|ROI/);
    expect(mail!.bodyText).not.toContain('40k');
  });

  it('shows a marketing ask with its purpose, and nothing internal', async () => {
    const { token, email } = await marketingAsk();
    const res = await t.client().get(`/api/ask/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'open', activityLabel: 'Case study', purpose: 'Spring banking campaign', topics: ['ROI', 'Migration'], prospect: { name: null } });
    expect(res.body).not.toContain('40k');
    expect(res.body).not.toContain(email);
  });

  it('needs no session and no CSRF token, and signing in changes nothing', async () => {
    const { token } = await marketingAsk();
    const signedIn = await cast.admin.client.request({ method: 'POST', url: `/api/ask/${token}/accept`, payload: {}, headers: { 'x-csrf-token': 'wrong' } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ state: 'answered', status: 'accepted' });
  });

  it('keeps link tokens out of the request log', async () => {
    const { token } = await marketingAsk();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp({ database: t.db.database, config: t.config, logger: createLogger('info', sink), now: t.clock.now });
    try {
      expect((await app.inject({ method: 'GET', url: `/api/ask/${token}` })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(log).toContain('/api/ask/[redacted]');
    expect(log).not.toContain(token);
    expect(redactUrlTokens(`/api/ask/${token}/accept?x=1`)).toBe('/api/ask/[redacted]/accept?x=1');
    // The advocate's page in the browser carries the token too.
    expect(redactUrlTokens(`/ask/${token}`)).toBe('/ask/[redacted]');
  });
});
