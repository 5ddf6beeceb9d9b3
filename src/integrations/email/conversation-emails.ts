import { formatWhen } from './format-when.js';
import { renderHtml, renderText, type RenderedEmail } from './layout.js';

/**
 * The date of a reference conversation, told to each side in their own words and time zone.
 * The requester's version names the advocate but carries no contact detail (those stay behind
 * the audited reveal on the request page); the advocate's names the requester and the prospect
 * as the ask described them.
 */
interface ConversationBase {
  orgName: string;
  color: string;
  recipientFirstName: string;
  activityLabel: string;
  startsAt: Date;
  durationMinutes: number;
  /** The recipient's IANA zone (null: UTC). */
  timeZone: string | null;
  meetingDetails: string | null;
}

export interface RequesterConversationInput extends ConversationBase {
  side: 'requester';
  requestLabel: string;
  advocateName: string;
  accountName: string;
  url: string;
}

export interface AdvocateConversationInput extends ConversationBase {
  side: 'advocate';
  /** "Dana Jones (Sales)" */
  requesterLabel: string;
  /** "a healthcare company in Germany" */
  context: string;
  topics: string[];
}

export type ConversationEmailInput = RequesterConversationInput | AdvocateConversationInput;

function who(input: ConversationEmailInput): string {
  return input.side === 'requester' ? `${input.advocateName} (${input.accountName})` : `${input.requesterLabel} and ${input.context}`;
}

function details(input: ConversationEmailInput): string[] {
  const lines = [`When: ${formatWhen(input.startsAt, input.timeZone)}, ${input.durationMinutes} minutes.`];
  if (input.meetingDetails) lines.push(`How to join: ${input.meetingDetails}`);
  if (input.side === 'advocate' && input.topics.length > 0) lines.push(`They would like to hear about: ${input.topics.join(', ')}.`);
  return lines;
}

function frameFor(input: ConversationEmailInput, preheader: string, paragraphs: string[], footnote?: string) {
  return {
    orgName: input.orgName,
    color: input.color,
    preheader,
    paragraphs: [`Hello ${input.recipientFirstName},`, ...paragraphs, ...details(input)],
    ...(input.side === 'requester' ? { action: { label: `Open ${input.requestLabel}`, url: input.url } } : {}),
    ...(footnote ? { footnote } : {}),
  };
}

/** The conversation has a date (or a new one): the calendar invitation is attached. */
export function renderConversationScheduledEmail(input: ConversationEmailInput & { rescheduled: boolean }): RenderedEmail {
  const verb = input.rescheduled ? 'moved to a new date' : 'set';
  const lead =
    input.side === 'requester'
      ? `Your ${input.activityLabel.toLowerCase()} with ${who(input)} is ${verb}. The calendar invitation is attached; the advocate's contact details are on the request page.`
      : `Thank you for agreeing to help. Your ${input.activityLabel.toLowerCase()} with ${who(input)} is ${verb}. The calendar invitation is attached.`;
  const frame = frameFor(
    input,
    `${input.rescheduled ? 'New date' : 'Confirmed'}: ${formatWhen(input.startsAt, input.timeZone)}`,
    [lead],
    input.side === 'advocate' ? `If the date no longer suits you, reply to your contact at ${input.orgName}.` : undefined,
  );
  const subject = `${input.rescheduled ? 'New date' : 'Confirmed'}: ${input.activityLabel} on ${formatWhen(input.startsAt, input.timeZone)}`;
  return { subject, text: renderText(frame), html: renderHtml(frame) };
}

/** The day before the conversation. */
export function renderCallReminderEmail(input: ConversationEmailInput): RenderedEmail {
  const lead =
    input.side === 'requester'
      ? `A reminder: your ${input.activityLabel.toLowerCase()} with ${who(input)} is tomorrow. Brief the prospect and share the agenda if you have not yet.`
      : `A reminder: your ${input.activityLabel.toLowerCase()} with ${who(input)} is tomorrow. Thank you again for making the time.`;
  const frame = frameFor(input, `Tomorrow: ${input.activityLabel}`, [lead]);
  return { subject: `Tomorrow: ${input.activityLabel} at ${formatWhen(input.startsAt, input.timeZone)}`, text: renderText(frame), html: renderHtml(frame) };
}
