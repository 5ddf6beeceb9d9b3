import { renderHtml, renderText, type RenderedEmail } from './layout.js';

export interface LossQuestionEmailInput {
  orgName: string;
  color: string;
  requesterName: string;
  opportunityName: string;
  prospectName: string;
  /** Request numbers (R-…) this person made for the deal. */
  requestNumbers: number[];
  url: string;
}

/** Asks a requester what happened on a deal they requested references for and that was lost. */
export function renderLossQuestionEmail(input: LossQuestionEmailInput): RenderedEmail {
  const requests = input.requestNumbers.map((n) => `R-${n}`).join(', ');
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: `${input.opportunityName} was recorded as lost: what happened?`,
    paragraphs: [
      `Hello ${input.requesterName},`,
      `The opportunity ${input.opportunityName} (${input.prospectName}) was recorded as lost. You asked for references for it (${requests}).`,
      'What happened? A sentence on why the deal was lost, and whether the references helped, tells the program where to improve.',
    ],
    action: { label: 'Tell us what happened', url: input.url },
  };
  return { subject: `Lost: ${input.opportunityName}, what happened?`, text: renderText(frame), html: renderHtml(frame) };
}
