import { renderHtml, renderText, type RenderedEmail } from './layout.js';

export interface ApprovalReminderEmailInput {
  orgName: string;
  color: string;
  ownerName: string;
  requesterName: string;
  advocateName: string;
  accountName: string;
  activityLabel: string;
  requestLabel: string;
  neededBy: string;
  dueAt: Date;
  /** The approvals page: approving or declining needs signing in. */
  url: string;
}

/** Reminds a relationship owner of an approval past its due time (once; the admins hear next). */
export function renderApprovalReminderEmail(input: ApprovalReminderEmailInput): RenderedEmail {
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: `Your approval for ${input.advocateName} (${input.accountName}) is overdue`,
    paragraphs: [
      `Hello ${input.ownerName},`,
      `${input.requesterName} is still waiting for your decision on involving ${input.advocateName} of ${input.accountName} in a ${input.activityLabel.toLowerCase()} (${input.requestLabel}, needed by ${input.neededBy}).`,
      `It was due ${input.dueAt.toUTCString()}. Please approve or decline now: without an answer the program team is told next.`,
    ],
    action: { label: 'Approve or decline', url: input.url },
  };
  return { subject: `Reminder: approval needed for ${input.advocateName} (${input.accountName})`, text: renderText(frame), html: renderHtml(frame) };
}
