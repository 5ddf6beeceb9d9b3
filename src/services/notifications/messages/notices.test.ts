import { addDays } from 'date-fns';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outboxMessages } from '../../../db/schema/index.js';
import { activityOfCandidate, isoDay, setUpCandidate, setUpHappened } from '../../../http/routes/scheduling/loop-fixtures.js';
import { parseIcs } from '../../../integrations/calendar/ics-test-parser.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { createCast, submitCall, type Cast } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
});
afterAll(() => t.close());

async function clientFor(user: { email: string }): Promise<ApiClient> {
  const client = t.client();
  expect((await client.signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  return client;
}

const emails = (kind: string, field: string, value: string) =>
  t.deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.kind, kind), eq(outboxMessages.channel, 'email'), sql`${outboxMessages.payload} ->> ${field} = ${value}`));

describe('what the request loop sends, in the transaction of each step', () => {
  it('a submitted request reaches the program team by e-mail and in the bell', async () => {
    const request = await submitCall(t, cast);
    const mails = await emails('request.submitted', 'requestId', request.id);
    expect(mails.map((m) => m.recipientUserId)).toContain(cast.admin.id);
    expect(mails.map((m) => m.recipientUserId)).not.toContain(cast.seller.id);
    expect(mails[0]!.bodyText).toContain(`/requests/${request.id}`);
    const bell = await t.deps.db.select().from(notifications).where(and(eq(notifications.userId, cast.admin.id), eq(notifications.kind, 'request.submitted')));
    expect(bell.map((n) => n.link)).toContain(`/requests/${request.id}`);
  });

  it('a scheduled conversation goes to both sides with the .ics; the requester’s copy names no advocate address', async () => {
    const s = await setUpCandidate(t.deps);
    const requester = await clientFor(s.requester);
    const startsAt = `${isoDay(addDays(t.clock.now(), 7))}T10:00:00+01:00`;
    const res = await requester.post(`/api/requests/${s.request.id}/candidates/${s.candidate.id}/schedule`, { startsAt, durationMinutes: 30, timeZone: 'Europe/Paris', meetingDetails: null });
    expect(res.statusCode, res.body).toBe(200);
    const [toRequester] = await emails('request.scheduled', 'candidateId', s.candidate.id);
    const [toAdvocate] = await emails('advocate.scheduled', 'candidateId', s.candidate.id);
    expect(toRequester!.recipient).toBe(s.requester.email);
    expect(toAdvocate!.recipient).toBe(s.advocate.email);
    for (const mail of [toRequester!, toAdvocate!]) {
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.contentType).toMatch(/^text\/calendar/);
    }
    expect(toRequester!.attachments[0]!.content).not.toContain(s.advocate.email!);
    expect(toRequester!.bodyText).not.toContain(s.advocate.email!);
    expect(toAdvocate!.attachments[0]!.content).toContain(s.advocate.email!);
    expect(toAdvocate!.bodyText).toContain('(Europe/Paris)');
    const event = parseIcs(toAdvocate!.attachments[0]!.content);
    expect(JSON.stringify(event)).toContain(s.candidate.id);

    // A new date: both told again, the invitation's SEQUENCE moves on.
    const moved = `${isoDay(addDays(t.clock.now(), 8))}T10:00:00+01:00`;
    expect((await requester.post(`/api/requests/${s.request.id}/candidates/${s.candidate.id}/schedule`, { startsAt: moved, durationMinutes: 30, timeZone: 'Europe/Paris', meetingDetails: null })).statusCode).toBe(200);
    const again = await emails('advocate.scheduled', 'candidateId', s.candidate.id);
    expect(again).toHaveLength(2);
    expect(again.map((m) => m.subject).join(' ')).toContain('New date');
    expect(again.map((m) => m.attachments[0]!.content).join('\n')).toMatch(/SEQUENCE:1/);
  });

  it('a thank-you reaches the advocate with the note', async () => {
    const s = await setUpHappened(t.deps);
    const activity = await activityOfCandidate(t.deps, s.candidate.id);
    const res = await (await clientFor(s.requester)).post(`/api/activities/${activity.id}/thank-yous`, { kind: 'note', note: 'You closed it for us <3' });
    expect(res.statusCode, res.body).toBe(201);
    const mails = await emails('advocate.thank_you', 'activityId', activity.id);
    expect(mails.map((m) => m.recipient)).toEqual([s.advocate.email]);
    expect(mails[0]!.bodyText).toContain('You closed it for us <3');
    expect(mails[0]!.bodyHtml).toContain('You closed it for us &lt;3');
  });

  it('a redo tells the program team', async () => {
    const admin = await createUser(t.deps.db, { roles: ['admin'] });
    const s = await setUpCandidate(t.deps);
    const requester = await clientFor(s.requester);
    const activity = await activityOfCandidate(t.deps, s.candidate.id);
    expect((await requester.post(`/api/activities/${activity.id}/debriefs`, { happened: false })).statusCode).toBe(201);
    const res = await requester.post(`/api/activities/${activity.id}/redo`);
    expect(res.statusCode, res.body).toBe(201);
    const redoId = res.json<{ request: { id: string } }>().request.id;
    const mails = await emails('request.redo_opened', 'requestId', redoId);
    expect(mails.map((m) => m.recipient)).toContain(admin.email);
    expect(mails[0]!.subject).toContain(`R-${s.request.number}`);
  });
});
