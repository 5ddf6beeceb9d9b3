import { createEvent, type Attendee, type EventAttributes } from 'ics';

export interface InvitationPerson {
  name: string;
  email: string | null;
}

export interface InvitationIcsInput {
  /** Stable per candidate, so a re-schedule updates the same calendar entry. */
  candidateId: string;
  /** Host part of the UID (the installation's public host). */
  domain: string;
  /** 0 for the first scheduling, +1 for every re-schedule. */
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  /** IANA zone the requester scheduled in: the description shows the local time there. */
  timeZone: string;
  title: string;
  meetingDetails: string | null;
  /** Extra lines for the description (request number, prospect, topics…). */
  context: string[];
  organizer: InvitationPerson;
  /** The advocate, or null when the viewer may not see their e-mail. */
  attendee: InvitationPerson | null;
  /** When the entry was last changed (LAST-MODIFIED). */
  updatedAt: Date;
}

/** A calendar address in the shape `ics` wants, or nothing when there is no e-mail. */
function person(p: InvitationPerson): { name: string; email: string } | null {
  return p.email ? { name: p.name, email: p.email } : null;
}

/** "Tue, 4 Mar 2030, 10:00 (America/New_York)" */
export function formatLocalTime(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  return `${text} (${timeZone})`;
}

/** A URL in the meeting details, used as the event's location when there is one. */
function firstUrl(text: string | null): string | undefined {
  return text?.match(/https?:\/\/[^\s<>"]+/)?.[0];
}

/**
 * The .ics for a scheduled reference conversation (RFC 5545, built with `ics`). Times are
 * written in UTC; the description states the local time in the zone it was scheduled in.
 */
export function buildInvitationIcs(input: InvitationIcsInput): string {
  const organizer = person(input.organizer);
  const attendee = input.attendee ? person(input.attendee) : null;
  const attendees: Attendee[] = attendee ? [{ ...attendee, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT', cutype: 'INDIVIDUAL' }] : [];
  const description = [
    `When: ${formatLocalTime(input.startsAt, input.timeZone)}, ${input.durationMinutes} minutes`,
    ...(input.meetingDetails ? ['', input.meetingDetails] : []),
    ...(input.context.length > 0 ? ['', ...input.context] : []),
  ].join('\n');
  const attributes: EventAttributes = {
    uid: `candidate-${input.candidateId}@${input.domain}`,
    sequence: input.sequence,
    productId: 'vouch/invitation',
    method: 'REQUEST',
    start: input.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: input.durationMinutes },
    title: input.title,
    description,
    location: firstUrl(input.meetingDetails) ?? input.meetingDetails?.split('\n')[0]?.slice(0, 200),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    ...(organizer ? { organizer } : {}),
    attendees,
    lastModified: input.updatedAt.getTime(),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('ics produced nothing');
  return value;
}
