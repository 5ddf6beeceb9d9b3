import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, advocates, requestEvents, taxonomyValues, users, type ReferenceRequestRow, type RequestCandidateRow } from '../../db/schema/index.js';
import { buildInvitationIcs } from '../../integrations/calendar/invitation-ics.js';
import { isTimeZone } from '../../integrations/calendar/time-zones.js';
import type { ServiceDeps } from '../context.js';

/** Timeline kinds that set a candidate's date. */
export const SCHEDULING_EVENT_KINDS = ['schedule', 'accept_proposed_date'] as const;

export interface CandidateIcs {
  fileName: string;
  ics: string;
  sequence: number;
  /** The zone the date was set in. */
  timeZone: string;
  advocate: { firstName: string; lastName: string; title: string | null; email: string | null; accountName: string; timeZone: string | null };
  requester: { name: string; email: string };
}

async function labelsOf(db: Executor, facet: 'activity_type' | 'topic', keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ key: taxonomyValues.key, label: taxonomyValues.label })
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, facet), inArray(taxonomyValues.key, keys)));
  return new Map(rows.map((r) => [r.key, r.label]));
}

/**
 * The .ics of a scheduled candidate's conversation, organizer the requester. The attendee is
 * the advocate only when `withAttendee` (the caller decides who may see their address: the
 * audited reveal for the requester's download, the advocate's own copy of the e-mail).
 * The UID is stable per candidate; SEQUENCE counts re-schedules.
 */
export async function composeCandidateIcs(
  deps: ServiceDeps,
  tx: Executor,
  request: ReferenceRequestRow,
  candidate: RequestCandidateRow & { scheduledAt: Date },
  withAttendee: (advocate: CandidateIcs['advocate']) => Promise<boolean> | boolean,
): Promise<CandidateIcs> {
  const schedulings = await tx
    .select({ data: requestEvents.data })
    .from(requestEvents)
    .where(and(eq(requestEvents.candidateId, candidate.id), inArray(requestEvents.kind, [...SCHEDULING_EVENT_KINDS])))
    .orderBy(desc(requestEvents.at), desc(requestEvents.id));
  const zone = schedulings[0]?.data.timeZone;
  const timeZone = typeof zone === 'string' && isTimeZone(zone) ? zone : 'UTC';
  const [requester] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, request.requesterUserId));
  const [advocate] = await tx
    .select({ firstName: advocates.firstName, lastName: advocates.lastName, title: advocates.title, email: advocates.email, accountName: accounts.name, timeZone: advocates.timeZone })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(eq(advocates.id, candidate.advocateId));
  if (!requester || !advocate) throw new Error('request or advocate vanished');
  const advocateName = `${advocate.firstName} ${advocate.lastName}`;
  const attendee = Boolean(advocate.email) && (await withAttendee(advocate)) ? { name: advocateName, email: advocate.email } : null;
  const types = await labelsOf(tx, 'activity_type', [request.activityTypeKey]);
  const topics = await labelsOf(tx, 'topic', request.topicKeys);
  const typeLabel = types.get(request.activityTypeKey) ?? request.activityTypeKey;
  const prospect = request.prospect.name;
  const context = [
    `${advocateName}${advocate.title ? `, ${advocate.title}` : ''} (${advocate.accountName})`,
    ...(prospect ? [`Prospect: ${prospect}`] : []),
    ...(request.topicKeys.length > 0 ? [`Topics: ${request.topicKeys.map((k) => topics.get(k) ?? k).join(', ')}`] : []),
    `Vouch request R-${request.number}: ${deps.config.publicUrl}/requests/${request.id}`,
  ];
  const sequence = Math.max(0, schedulings.length - 1);
  const ics = buildInvitationIcs({
    candidateId: candidate.id,
    domain: new URL(deps.config.publicUrl).hostname,
    sequence,
    startsAt: candidate.scheduledAt,
    durationMinutes: candidate.durationMinutes ?? 30,
    timeZone,
    title: `${typeLabel}: ${advocateName} (${advocate.accountName})${prospect ? ` with ${prospect}` : ''}`,
    meetingDetails: candidate.meetingDetails,
    context,
    organizer: { name: requester.name, email: requester.email },
    attendee,
    updatedAt: candidate.updatedAt,
  });
  return { fileName: `vouch-R-${request.number}-${candidate.id.slice(0, 8)}.ics`, ics, sequence, timeZone, advocate, requester };
}
