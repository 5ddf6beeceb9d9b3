import { renderHtml, renderText, type RenderedEmail } from './layout.js';

export interface RequestUpdateEmailInput {
  orgName: string;
  color: string;
  recipientName: string;
  /** "R-42" */
  requestLabel: string;
  headline: string;
  /** What happened, and what the recipient does next. */
  paragraphs: string[];
  url: string;
}

/** A short notice about a request the recipient follows: an advocate's answer, a decline, plan B. */
export function renderRequestUpdateEmail(input: RequestUpdateEmailInput): RenderedEmail {
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: input.headline,
    paragraphs: [`Hello ${input.recipientName},`, ...input.paragraphs],
    action: { label: `Open ${input.requestLabel}`, url: input.url },
  };
  return { subject: `${input.requestLabel}: ${input.headline}`, text: renderText(frame), html: renderHtml(frame) };
}
