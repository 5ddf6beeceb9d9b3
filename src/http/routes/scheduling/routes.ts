import { z } from 'zod';
import { isTimeZone } from '../../../integrations/calendar/time-zones.js';
import { acceptProposedDate } from '../../../services/scheduling/accept-proposed-date.js';
import { buildCandidateInvitation } from '../../../services/scheduling/build-candidate-invitation.js';
import { scheduleCandidate } from '../../../services/scheduling/schedule-candidate.js';
import { requireActor } from '../../plugins/auth.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { presentScheduled, scheduledCandidateSchema } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const candidateParams = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  candidateId: z.uuid({ message: 'must be a UUID' }),
});
const startsAt = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a UTC offset, e.g. 2030-03-04T10:00:00-05:00' })
  .describe('Start, ISO 8601 with an offset or Z');
const timeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
  .describe('IANA time zone the meeting was arranged in');
const durationMinutes = z.number().int().min(5, 'must be at least 5 minutes').max(480, 'must be at most 8 hours');
const meetingDetails = z.string().trim().max(2000, 'must be at most 2000 characters').nullable();

const scheduleBody = z.object({ startsAt, durationMinutes, timeZone, meetingDetails: meetingDetails.optional() }).strict();
const acceptBody = z
  .object({ startsAt, durationMinutes: durationMinutes.optional(), timeZone: timeZone.optional(), meetingDetails: meetingDetails.optional() })
  .strict();

const base = '/api/requests/:id/candidates/:candidateId';

export function registerSchedulingRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    `${base}/schedule`,
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Record (or move) the date and time of an accepted candidate’s conversation (the requester or an admin)',
        params: candidateParams,
        body: scheduleBody,
        response: { 200: scheduledCandidateSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { startsAt: at, meetingDetails: details, ...rest } = request.body;
      const result = await scheduleCandidate(
        deps,
        actor,
        { requestId: request.params.id, candidateId: request.params.candidateId },
        { ...rest, startsAt: new Date(at), meetingDetails: details || null },
      );
      return presentScheduled(result);
    },
  );

  app.post(
    `${base}/accept-proposed-date`,
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Take one of the dates the advocate proposed: the candidate is scheduled on it (the requester or an admin)',
        params: candidateParams,
        body: acceptBody,
        response: { 200: scheduledCandidateSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { startsAt: at, ...rest } = request.body;
      const result = await acceptProposedDate(deps, actor, { requestId: request.params.id, candidateId: request.params.candidateId }, { ...rest, startsAt: new Date(at) });
      return presentScheduled(result);
    },
  );

  app.get(
    `${base}/invitation.ics`,
    {
      schema: {
        tags: ['scheduling'],
        summary: 'The calendar invitation (.ics) of a scheduled conversation (the requester or an admin)',
        description:
          'Organizer: the requester. The advocate is an attendee for people who may see their e-mail (this counts as a reveal and is audited). ' +
          'The UID stays the same for the candidate; SEQUENCE goes up with every re-schedule.',
        params: candidateParams,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('text/calendar (RFC 5545)'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const invitation = await buildCandidateInvitation(deps, actor, { requestId: request.params.id, candidateId: request.params.candidateId });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8; method=REQUEST')
        .header('content-disposition', `attachment; filename="${invitation.fileName}"`)
        .header('cache-control', 'no-store')
        // A buffer is sent as it is (never serialized); the 200 schema only documents the file.
        .send(Buffer.from(invitation.ics, 'utf8') as unknown as string);
    },
  );
}
