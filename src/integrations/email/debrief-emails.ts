import { renderHtml, renderText, type RenderedEmail } from './layout.js';

export interface DebriefRequestEmailInput {
  orgName: string;
  color: string;
  side: 'requester' | 'advocate';
  recipientFirstName: string;
  activityLabel: string;
  /** For the requester: "Ada Lovelace (Initech)"; for the advocate: "Dana Jones (Sales)". */
  counterpart: string;
  /** 'YYYY-MM-DD': the conversation's date. */
  heldOn: string;
  /** The requester's activity page, or the advocate's own signed link. */
  url: string;
  /** The signed link's end, for the advocate. */
  expiresAt?: Date;
}

/** The business day after the conversation: how did it go? */
export function renderDebriefRequestEmail(input: DebriefRequestEmailInput): RenderedEmail {
  const paragraphs =
    input.side === 'requester'
      ? [
          `How did your ${input.activityLabel.toLowerCase()} with ${input.counterpart} on ${input.heldOn} go?`,
          'Tell us whether it happened, whether it met the prospect’s needs, what you learnt about the buyer’s intent and any lingering concerns. It takes two minutes, closes the loop and, if it fell short, opens a redo.',
        ]
      : [
          `Thank you for your ${input.activityLabel.toLowerCase()} with ${input.counterpart} on ${input.heldOn}.`,
          'Would you tell us in a minute how it went? It helps us ask you only for conversations that suit you.',
          ...(input.expiresAt ? [`The link below is for you alone and stays open until ${input.expiresAt.toUTCString()}.`] : []),
        ];
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: `How did the ${input.activityLabel.toLowerCase()} go?`,
    paragraphs: [`Hello ${input.recipientFirstName},`, ...paragraphs],
    action: { label: input.side === 'requester' ? 'Give the debrief' : 'Tell us how it went', url: input.url },
  };
  return { subject: `How did it go? Your ${input.activityLabel.toLowerCase()} on ${input.heldOn}`, text: renderText(frame), html: renderHtml(frame) };
}

export interface DebriefReminderEmailInput {
  orgName: string;
  color: string;
  recipientFirstName: string;
  activityLabel: string;
  advocateLabel: string;
  heldOn: string;
  requestLabel: string;
  url: string;
}

/** One reminder to the requester when their debrief is still missing. */
export function renderDebriefReminderEmail(input: DebriefReminderEmailInput): RenderedEmail {
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: `Your debrief for ${input.requestLabel} is still missing`,
    paragraphs: [
      `Hello ${input.recipientFirstName},`,
      `We have not had your debrief of the ${input.activityLabel.toLowerCase()} with ${input.advocateLabel} on ${input.heldOn} (${input.requestLabel}) yet.`,
      'The request stays open until it is debriefed, and the reports count its value only then. This is the only reminder.',
    ],
    action: { label: 'Give the debrief', url: input.url },
  };
  return { subject: `Reminder: debrief ${input.requestLabel}`, text: renderText(frame), html: renderHtml(frame) };
}
