import { activityPolicy } from '../../policies/activities.js';
import { authorize } from '../../policies/authorize.js';
import { requestPolicy } from '../../policies/requests.js';
import { recordProtectedReveal } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict } from '../errors.js';
import { composeCandidateIcs } from './candidate-ics.js';
import { findCandidateOfRequest } from './find-candidate-of-request.js';

export interface CandidateInvitation {
  fileName: string;
  ics: string;
  sequence: number;
  /** The advocate is an attendee (the viewer may see their e-mail). */
  withAttendee: boolean;
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
    const scheduledAt = candidate.scheduledAt;
    if (candidate.status !== 'scheduled' || !scheduledAt) {
      throw conflict(`This candidate is ${candidate.status.replace(/_/g, ' ')}: an invitation exists once a date is recorded.`);
    }
    let withAttendee = false;
    const built = await composeCandidateIcs(deps, tx, request, { ...candidate, scheduledAt }, async (advocate) => {
      withAttendee = requestPolicy.revealContact(actor, { requesterUserId: request.requesterUserId, approverUserIds: [] }, candidate);
      if (withAttendee) {
        await recordProtectedReveal(tx, actor, {
          subjectType: 'advocate',
          subjectId: candidate.advocateId,
          subjectLabel: `${advocate.firstName} ${advocate.lastName}`,
          fields: ['email'],
          reason: `calendar invitation for request R-${request.number}`,
        });
      }
      return withAttendee;
    });
    return { fileName: built.fileName, ics: built.ics, sequence: built.sequence, withAttendee };
  });
}
