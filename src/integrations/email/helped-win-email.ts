import { renderHtml, renderText, type RenderedEmail } from './layout.js';

export interface HelpedWinEmailInput {
  orgName: string;
  color: string;
  advocateFirstName: string;
  prospectName: string;
  /** How many of the advocate's conversations were part of this deal. */
  activityCount: number;
}

/** "You helped us win": the notice an advocate gets when a deal they spoke for is won. */
export function renderHelpedWinEmail(input: HelpedWinEmailInput): RenderedEmail {
  const conversations = input.activityCount > 1 ? `the ${input.activityCount} conversations you had` : 'the time you gave';
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: `You helped ${input.orgName} win with ${input.prospectName}`,
    paragraphs: [
      `Hello ${input.advocateFirstName},`,
      `Good news: ${input.prospectName} chose ${input.orgName}, and ${conversations} as a reference played a real part in that decision.`,
      'Thank you for vouching for us. Hearing from a peer who has been there is what prospects trust most, and your help made the difference.',
    ],
    footnote: `You receive this because you acted as a reference for ${input.orgName}.`,
  };
  return { subject: `You helped us win: thank you from ${input.orgName}`, text: renderText(frame), html: renderHtml(frame) };
}
