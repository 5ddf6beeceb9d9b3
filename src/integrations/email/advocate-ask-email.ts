import { renderHtml, renderText, type RenderedEmail } from './layout.js';

export interface AdvocateAskEmailInput {
  orgName: string;
  color: string;
  advocateFirstName: string;
  /** Who asks, e.g. "Dana Jones (Sales)". */
  requesterLabel: string;
  /** The relationship owner who approved asking, if any. */
  approverName: string | null;
  activityLabel: string;
  /** "a healthcare company in Germany", or a marketing purpose. */
  context: string;
  /** 'YYYY-MM-DD' */
  neededBy: string;
  topics: string[];
  url: string;
  expiresAt: Date;
}

/** The ask to an advocate: one link to a one-page answer (accept, decline, other dates). No account needed. */
export function renderAdvocateAskEmail(input: AdvocateAskEmailInput): RenderedEmail {
  const topics = input.topics.length > 0 ? ` They would like to hear about: ${input.topics.join(', ')}.` : '';
  const approved = input.approverName ? ` ${input.approverName}, your contact at ${input.orgName}, suggested you.` : '';
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: `Would you help with a ${input.activityLabel.toLowerCase()}?`,
    paragraphs: [
      `Hello ${input.advocateFirstName},`,
      `${input.requesterLabel} at ${input.orgName} asks whether you would take part in a ${input.activityLabel.toLowerCase()} with ${input.context}, by ${input.neededBy}.${topics}${approved}`,
      'You can accept, decline, or suggest other dates on one page. Your contact details are shared with the requester only if you accept.',
      `The link below is for you alone and stays open until ${input.expiresAt.toUTCString()}.`,
    ],
    action: { label: 'See the request and answer', url: input.url },
    footnote: 'If you would rather not be asked, decline on that page and say so: we will respect it.',
  };
  return { subject: `Would you help ${input.orgName} with a ${input.activityLabel.toLowerCase()}?`, text: renderText(frame), html: renderHtml(frame) };
}
