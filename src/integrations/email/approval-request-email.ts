import { renderHtml, renderText, type RenderedEmail } from './layout.js';

export interface ApprovalRequestEmailInput {
  orgName: string;
  color: string;
  ownerName: string;
  requesterName: string;
  advocateName: string;
  accountName: string;
  activityLabel: string;
  /** The deal or the marketing purpose. */
  forWhat: string;
  neededBy: string;
  dueAt: Date;
  url: string;
}

/** Asks a relationship owner to approve or decline one use of their account. */
export function renderApprovalRequestEmail(input: ApprovalRequestEmailInput): RenderedEmail {
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: `${input.requesterName} asks to involve ${input.advocateName} (${input.accountName})`,
    paragraphs: [
      `Hello ${input.ownerName},`,
      `${input.requesterName} asks to involve ${input.advocateName} of ${input.accountName} in a ${input.activityLabel.toLowerCase()} for ${input.forWhat}, needed by ${input.neededBy}.`,
      `As the account's relationship owner, please approve or decline by ${input.dueAt.toUTCString()}. The advocate is asked only after you approve.`,
    ],
    action: { label: 'Review the approval', url: input.url },
  };
  return { subject: `Approval needed: ${input.advocateName} (${input.accountName}) for a ${input.activityLabel.toLowerCase()}`, text: renderText(frame), html: renderHtml(frame) };
}
