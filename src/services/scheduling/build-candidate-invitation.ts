import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, advocates, requestEvents, taxonomyValues, users } from '../../db/schema/index.js';
import { buildInvitationIcs } from '../../integrations/calendar/invitation-ics.js';
import { isTimeZone } from '../../integrations/calendar/time-zones.js';
import { activityPolicy } from '../../policies/activities.js';
import { authorize } from '../../policies/authorize.js';
import { requestPolicy } from '../../policies/requests.js';
import { recordProtectedReveal } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict } from '../errors.js';
import { findCandidateOfRequest } from './find-candidate-of-request.js';

/** Timeline kinds that set a candidate's date. */
export const SCHEDULING_EVENT_KINDS = ['schedule', 'accept_proposed_date'] as const;

export interface CandidateInvitation {
  fileName: string;
  ics: string;
  sequence: number;
  /** The advocate is an attendee (the viewer may see their e-mail). */
  withAttendee: boolean;
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
 * The .ics of a scheduled candidate's conversation for the requester (or an admin): organizer
 * the requester, attendee the advocate when the viewer may see their e-mail (a reveal, audited
 * in the same transaction). The UID is stable per candidate; SEQUENCE counts re-schedules.
 */
export async function buildCandidateInvitation(
  deps: ServiceDeps,
  actor: Actor,
  ids: { requestId: string; candidateId: string },
): Promise<CandidateInvitation> {
  return deps.db.transaction(async (tx) => {
    const { request, candidate } = await findCandidateOfRequest(tx, ids.requestId, ids.candidateId);
    authorize(activityPolicy.schedule(actor, request), 'Only the requester and the program team download the invitation.');
    if (candidate.status !== 'scheduled' || !candidate.scheduledAt) {
      throw conflict(`This candidate is ${candidate.status.replace(/_/g, ' ')}: an invitation exists once a date is recorded.`);
    }
    const schedulings = await tx
      .select({ data: requestEvents.data })
      .from(requestEvents)
      .where(and(eq(requestEvents.candidateId, candidate.id), inArray(requestEvents.kind, [...SCHEDULING_EVENT_KINDS])))
      .orderBy(desc(requestEvents.at), desc(requestEvents.id));
    const zone = schedulings[0]?.data.timeZone;
    const timeZone = typeof zone === 'string' && isTimeZone(zone) ? zone : 'UTC';
    const [requester] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, request.requesterUserId));
    const [advocate] = await tx
      .select({ firstName: advocates.firstName, lastName: advocates.lastName, title: advocates.title, email: advocates.email, accountName: accounts.name })
      .from(advocates)
      .innerJoin(accounts, eq(accounts.id, advocates.accountId))
      .where(eq(advocates.id, candidate.advocateId));
    if (!requester || !advocate) throw new Error('request or advocate vanished');
    const advocateName = `${advocate.firstName} ${advocate.lastName}`;
    const mayReveal = requestPolicy.revealContact(actor, { requesterUserId: request.requesterUserId, approverUserIds: [] }, candidate);
    const withAttendee = mayReveal && Boolean(advocate.email);
    if (withAttendee) {
      await recordProtectedReveal(tx, actor, {
        subjectType: 'advocate',
        subjectId: candidate.advocateId,
        subjectLabel: advocateName,
        fields: ['email'],
        reason: `calendar invitation for request R-${request.number}`,
      });
    }
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
    const ics = buildInvitationIcs({
      candidateId: candidate.id,
      domain: new URL(deps.config.publicUrl).hostname,
      sequence: Math.max(0, schedulings.length - 1),
      startsAt: candidate.scheduledAt,
      durationMinutes: candidate.durationMinutes ?? 30,
      timeZone,
      title: `${typeLabel}: ${advocateName} (${advocate.accountName})${prospect ? ` with ${prospect}` : ''}`,
      meetingDetails: candidate.meetingDetails,
      context,
      organizer: { name: requester.name, email: requester.email },
      attendee: withAttendee ? { name: advocateName, email: advocate.email } : null,
      updatedAt: candidate.updatedAt,
    });
    return { fileName: `vouch-R-${request.number}-${candidate.id.slice(0, 8)}.ics`, ics, sequence: Math.max(0, schedulings.length - 1), withAttendee };
  });
}
