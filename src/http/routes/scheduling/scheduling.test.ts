import { addDays } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, advocates, auditEvents, requestCandidates, requestEvents } from '../../../db/schema/index.js';
import { ROLES } from '../../../domain/roles.js';
import { icsUtcDate, parseIcs } from '../../../integrations/calendar/ics-test-parser.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { isoDay, setUpCandidate, type LoopSetup } from './loop-fixtures.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

async function clientFor(user: { email: string }): Promise<ApiClient> {
  const client = t.client();
  expect((await client.signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  return client;
}

const base = (s: LoopSetup) => `/api/requests/${s.request.id}/candidates/${s.candidate.id}`;
/** A day a week ahead, and 08:00 in Tokyo that day (the evening before in UTC). */
const day = () => isoDay(addDays(t.clock.now(), 7));
const tokyoMorning = () => ({ startsAt: `${day()}T08:00:00+09:00`, durationMinutes: 45, timeZone: 'Asia/Tokyo', meetingDetails: 'Zoom https://zoom.us/j/42' });

async function candidateRow(id: string) {
  const [row] = await t.deps.db.select().from(requestCandidates).where(eq(requestCandidates.id, id));
  return row!;
}
async function activityOf(candidateId: string) {
  const [row] = await t.deps.db.select().from(activities).where(eq(activities.candidateId, candidateId));
  return row!;
}

describe('scheduling an accepted candidate', () => {
  it('refuses anonymous callers on every route', async () => {
    const s = await setUpCandidate(t.deps);
    for (const [method, url] of [
      ['POST', `${base(s)}/schedule`],
      ['POST', `${base(s)}/accept-proposed-date`],
      ['GET', `${base(s)}/invitation.ics`],
    ] as const) {
      const res = await t.client().request({ method, url, payload: method === 'POST' ? tokyoMorning() : undefined });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('lets the requester record the date: candidate scheduled, activity on the local date of the meeting, timeline entry with the zone', async () => {
    const s = await setUpCandidate(t.deps);
    const requester = await clientFor(s.requester);
    const res = await requester.post(`${base(s)}/schedule`, tokyoMorning());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.candidate).toMatchObject({ status: 'scheduled', durationMinutes: 45, meetingDetails: 'Zoom https://zoom.us/j/42' });
    expect(new Date(body.candidate.scheduledAt).toISOString()).toBe(new Date(tokyoMorning().startsAt).toISOString());
    // 08:00 in Tokyo is the previous evening in UTC: the activity counts on the Tokyo date.
    expect(body.activity).toMatchObject({ status: 'planned', occursOn: day() });
    expect((await activityOf(s.candidate.id)).occursOn).toBe(day());
    const [event] = await t.deps.db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.candidateId, s.candidate.id), eq(requestEvents.kind, 'schedule')));
    expect(event).toMatchObject({ actorKind: 'user', actorUserId: s.requester.id, fromStatus: 'accepted', toStatus: 'scheduled' });
    expect(event?.data).toMatchObject({ timeZone: 'Asia/Tokyo', durationMinutes: 45, rescheduled: false });
  });

  it('lets an admin schedule anybody’s candidate', async () => {
    const s = await setUpCandidate(t.deps);
    const res = await admin.post(`${base(s)}/schedule`, tokyoMorning());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().candidate.status).toBe('scheduled');
  });

  it.each(ROLES.filter((r) => r !== 'admin'))('refuses a %s who is not the requester (403), and changes nothing', async (role) => {
    const s = await setUpCandidate(t.deps);
    const other = await t.signedInAs([role]);
    expect((await other.post(`${base(s)}/schedule`, tokyoMorning())).statusCode).toBe(403);
    expect((await other.get(`${base(s)}/invitation.ics`)).statusCode).toBe(403);
    expect((await candidateRow(s.candidate.id)).status).toBe('accepted');
  });

  it('refuses the relationship owner who approved the use', async () => {
    const s = await setUpCandidate(t.deps);
    const owner = await clientFor(s.owner);
    expect((await owner.post(`${base(s)}/schedule`, tokyoMorning())).statusCode).toBe(403);
  });

  it('validates the date, the zone and the duration', async () => {
    const s = await setUpCandidate(t.deps);
    const requester = await clientFor(s.requester);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...tokyoMorning(), timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ ...tokyoMorning(), startsAt: `${day()}T08:00:00` }, 'startsAt'],
      [{ ...tokyoMorning(), startsAt: 'next tuesday' }, 'startsAt'],
      [{ ...tokyoMorning(), durationMinutes: 0 }, 'durationMinutes'],
      [{ ...tokyoMorning(), durationMinutes: 600 }, 'durationMinutes'],
      [{ ...tokyoMorning(), startsAt: addDays(t.clock.now(), -45).toISOString() }, 'startsAt'],
      [{ ...tokyoMorning(), startsAt: addDays(t.clock.now(), 1000).toISOString() }, 'startsAt'],
      [{ ...tokyoMorning(), extra: true }, ''],
    ];
    for (const [payload, field] of cases) {
      const res = await requester.post(`${base(s)}/schedule`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      if (field) expect(JSON.stringify(res.json().errors)).toContain(field);
    }
    expect((await candidateRow(s.candidate.id)).status).toBe('accepted');
  });

  it('answers 404 for a candidate of another request or an unknown one', async () => {
    const s = await setUpCandidate(t.deps);
    const other = await setUpCandidate(t.deps, { requester: s.requester });
    const requester = await clientFor(s.requester);
    expect((await requester.post(`/api/requests/${other.request.id}/candidates/${s.candidate.id}/schedule`, tokyoMorning())).statusCode).toBe(404);
    expect((await requester.post(`/api/requests/${s.request.id}/candidates/${crypto.randomUUID()}/schedule`, tokyoMorning())).statusCode).toBe(404);
  });

  it.each(['owner_pending', 'advocate_pending', 'advocate_declined', 'owner_declined', 'dates_proposed'] as const)(
    'refuses to schedule a candidate who is %s (409)',
    async (status) => {
      const s = await setUpCandidate(t.deps, { status });
      const requester = await clientFor(s.requester);
      const res = await requester.post(`${base(s)}/schedule`, tokyoMorning());
      expect(res.statusCode, res.body).toBe(409);
      expect((await candidateRow(s.candidate.id)).status).toBe(status);
    },
  );

  it('re-schedules: the activity moves to the new date, the invitation keeps its UID and raises its SEQUENCE', async () => {
    const s = await setUpCandidate(t.deps);
    const requester = await clientFor(s.requester);
    expect((await requester.post(`${base(s)}/schedule`, tokyoMorning())).statusCode).toBe(200);
    const first = parseIcs((await requester.get(`${base(s)}/invitation.ics`)).body).event;
    const later = isoDay(addDays(t.clock.now(), 9));
    const moved = await requester.post(`${base(s)}/schedule`, { startsAt: `${later}T15:30:00Z`, durationMinutes: 30, timeZone: 'UTC', meetingDetails: null });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().activity.occursOn).toBe(later);
    const second = parseIcs((await requester.get(`${base(s)}/invitation.ics`)).body).event;
    expect(second.UID?.[0]?.value).toBe(first.UID?.[0]?.value);
    expect(first.SEQUENCE?.[0]?.value).toBe('0');
    expect(second.SEQUENCE?.[0]?.value).toBe('1');
    expect(icsUtcDate(second.DTSTART?.[0]?.value ?? '')).toEqual(new Date(`${later}T15:30:00Z`));
    expect(second.DURATION?.[0]?.value).toBe('PT30M');
    const events = await t.deps.db.select().from(requestEvents).where(and(eq(requestEvents.candidateId, s.candidate.id), eq(requestEvents.kind, 'schedule')));
    expect(events.map((e) => e.data.rescheduled).sort()).toEqual([false, true]);
  });
});

describe('the calendar invitation', () => {
  it('gives the requester an .ics with the meeting, organizer the requester and the advocate as attendee; the reveal is audited', async () => {
    const s = await setUpCandidate(t.deps);
    const requester = await clientFor(s.requester);
    expect((await requester.post(`${base(s)}/schedule`, tokyoMorning())).statusCode).toBe(200);
    const res = await requester.get(`${base(s)}/invitation.ics`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="vouch-R-\d+-[0-9a-f]{8}\.ics"/);
    const { calendar, event } = parseIcs(res.body);
    expect(calendar.METHOD?.[0]?.value).toBe('REQUEST');
    expect(event.UID?.[0]?.value).toBe(`candidate-${s.candidate.id}@${new URL(t.config.publicUrl).hostname}`);
    expect(icsUtcDate(event.DTSTART?.[0]?.value ?? '')).toEqual(new Date(tokyoMorning().startsAt));
    expect(event.DURATION?.[0]?.value).toBe('PT45M');
    expect(event.SUMMARY?.[0]?.value).toBe(`Reference call: ${s.advocate.firstName} ${s.advocate.lastName} (${s.account.name}) with Globex`);
    expect(event.LOCATION?.[0]?.value).toBe('https://zoom.us/j/42');
    expect(event.DESCRIPTION?.[0]?.value).toContain('(Asia/Tokyo), 45 minutes');
    expect(event.DESCRIPTION?.[0]?.value).toContain(`R-${s.request.number}`);
    expect(event.DESCRIPTION?.[0]?.value).toContain('Topics: Security');
    expect(event.ORGANIZER?.[0]?.params.CN).toBe(s.requester.name);
    expect(event.ORGANIZER?.[0]?.value.toLowerCase()).toBe(`mailto:${s.requester.email}`);
    expect(event.ATTENDEE?.[0]?.value.toLowerCase()).toBe(`mailto:${s.advocate.email}`);
    const reveals = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'protected_field.revealed'), eq(auditEvents.targetId, s.advocate.id)));
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({ actorUserId: s.requester.id });
    expect(reveals[0]?.details).toMatchObject({ fields: ['email'] });
  });

  it('is there for admins too, and not before a date is recorded (409)', async () => {
    const s = await setUpCandidate(t.deps);
    expect((await admin.get(`${base(s)}/invitation.ics`)).statusCode).toBe(409);
    expect((await admin.post(`${base(s)}/schedule`, tokyoMorning())).statusCode).toBe(200);
    const res = await admin.get(`${base(s)}/invitation.ics`);
    expect(res.statusCode).toBe(200);
    expect(parseIcs(res.body).event.ATTENDEE).toHaveLength(1);
  });

  it('leaves the attendee out when the advocate has no e-mail, and audits no reveal', async () => {
    const s = await setUpCandidate(t.deps);
    await t.deps.db.update(advocates).set({ email: null }).where(eq(advocates.id, s.advocate.id));
    expect((await admin.post(`${base(s)}/schedule`, tokyoMorning())).statusCode).toBe(200);
    const { event } = parseIcs((await admin.get(`${base(s)}/invitation.ics`)).body);
    expect(event.ATTENDEE).toBeUndefined();
    const reveals = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'protected_field.revealed'), eq(auditEvents.targetId, s.advocate.id)));
    expect(reveals).toHaveLength(0);
  });
});

describe('accepting a date the advocate proposed', () => {
  const offered = () => [
    { startsAt: `${isoDay(addDays(t.clock.now(), 8))}T09:00:00.000Z`, note: 'morning' },
    { startsAt: `${isoDay(addDays(t.clock.now(), 10))}T14:00:00.000Z` },
  ];

  it('schedules the candidate on the chosen date, with the advocate’s zone by default', async () => {
    const dates = offered();
    const s = await setUpCandidate(t.deps, { status: 'dates_proposed', proposedDates: dates });
    const requester = await clientFor(s.requester);
    // The same instant written with another offset is the same date.
    const chosen = new Date(dates[1]!.startsAt);
    const res = await requester.post(`${base(s)}/accept-proposed-date`, { startsAt: `${isoDay(chosen)}T16:00:00+02:00` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().candidate).toMatchObject({ status: 'scheduled', durationMinutes: 30 });
    expect(res.json().activity).toMatchObject({ status: 'planned', occursOn: isoDay(chosen) });
    const [event] = await t.deps.db.select().from(requestEvents).where(and(eq(requestEvents.candidateId, s.candidate.id), eq(requestEvents.kind, 'accept_proposed_date')));
    expect(event?.data.timeZone).toBe('Europe/Paris');
    expect((await requester.get(`${base(s)}/invitation.ics`)).statusCode).toBe(200);
  });

  it('refuses a date the advocate did not offer (400) and a candidate without proposed dates (409)', async () => {
    const s = await setUpCandidate(t.deps, { status: 'dates_proposed', proposedDates: offered() });
    const requester = await clientFor(s.requester);
    const res = await requester.post(`${base(s)}/accept-proposed-date`, { startsAt: `${isoDay(addDays(t.clock.now(), 9))}T09:00:00Z` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('startsAt');
    const accepted = await setUpCandidate(t.deps, { requester: s.requester });
    expect((await requester.post(`${base(accepted)}/accept-proposed-date`, { startsAt: offered()[0]!.startsAt })).statusCode).toBe(409);
  });

  it('lets an admin accept, refuses anyone else, and cannot be replayed', async () => {
    const dates = offered();
    const s = await setUpCandidate(t.deps, { status: 'dates_proposed', proposedDates: dates });
    const stranger = await clientFor(await createUser(t.deps.db, { roles: ['sales'] }));
    expect((await stranger.post(`${base(s)}/accept-proposed-date`, { startsAt: dates[0]!.startsAt })).statusCode).toBe(403);
    expect((await admin.post(`${base(s)}/accept-proposed-date`, { startsAt: dates[0]!.startsAt })).statusCode).toBe(200);
    expect((await admin.post(`${base(s)}/accept-proposed-date`, { startsAt: dates[0]!.startsAt })).statusCode).toBe(409);
  });
});
