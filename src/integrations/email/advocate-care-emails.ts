import { renderHtml, renderText, type RenderedEmail } from './layout.js';

interface AdvocateBase {
  orgName: string;
  color: string;
  advocateFirstName: string;
}

function render(input: AdvocateBase, subject: string, preheader: string, paragraphs: string[], action?: { label: string; url: string }, footnote?: string): RenderedEmail {
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader,
    paragraphs: [`Hello ${input.advocateFirstName},`, ...paragraphs],
    ...(action ? { action } : {}),
    footnote: footnote ?? `You can choose which messages you get on your page at ${input.orgName}.`,
  };
  return { subject, text: renderText(frame), html: renderHtml(frame) };
}

export interface ThankYouNoteEmailInput extends AdvocateBase {
  fromName: string;
  /** The note itself (may be null for a gift or points with no words). */
  note: string | null;
  kind: 'note' | 'gift' | 'donation' | 'points';
  points: number;
}

/** A thank-you logged for the advocate: their note, and the points if any. */
export function renderThankYouNoteEmail(input: ThankYouNoteEmailInput): RenderedEmail {
  const what: Record<ThankYouNoteEmailInput['kind'], string> = {
    note: 'a note of thanks',
    gift: 'a gift to thank you',
    donation: 'a donation in your name',
    points: 'points to thank you',
  };
  const paragraphs = [`${input.fromName} at ${input.orgName} sent you ${what[input.kind]} for your help as a reference.`];
  if (input.note) paragraphs.push(`“${input.note}”`);
  if (input.points > 0) paragraphs.push(`${input.points} point${input.points === 1 ? '' : 's'} were added to your balance.`);
  return render(input, `Thank you from ${input.orgName}`, `${input.fromName} says thank you`, paragraphs);
}

export interface ReverifyEmailInput extends AdvocateBase {
  /** 'YYYY-MM-DD' the profile was last confirmed. */
  lastVerifiedOn: string;
  /** A sign-in link straight to their profile (single use, expiring). */
  url: string;
  expiresAt: Date | null;
}

/** A stale profile: is it still right? One click to review and update it. */
export function renderReverifyEmail(input: ReverifyEmailInput): RenderedEmail {
  return render(
    input,
    `Is your profile with ${input.orgName} still right?`,
    'A quick check of your reference profile',
    [
      `You last confirmed your reference profile with ${input.orgName} on ${input.lastVerifiedOn}. Roles, topics and availability change: would you take a minute to check it?`,
      'Review it, change what moved, or confirm it is still right. If you no longer wish to take part, you can withdraw there too.',
      ...(input.expiresAt ? [`The link below signs you in once and stays valid until ${input.expiresAt.toUTCString()}.`] : []),
    ],
    { label: 'Review my profile', url: input.url },
  );
}
