import { renderHtml, renderText, type RenderedEmail } from './layout.js';

/** What every program-team alert shows: the request and a link to it. Never advocate contact details. */
interface ProgramAlertBase {
  orgName: string;
  color: string;
  recipientName: string;
  /** "R-42" */
  requestLabel: string;
  activityLabel: string;
  /** The deal or the marketing purpose, e.g. "Globex (software)". */
  forWhat: string;
  /** 'YYYY-MM-DD' */
  neededBy: string;
  url: string;
}

function programAlert(input: ProgramAlertBase, subject: string, preheader: string, paragraphs: string[], label = `Open ${input.requestLabel}`): RenderedEmail {
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader,
    paragraphs: [`Hello ${input.recipientName},`, ...paragraphs],
    action: { label, url: input.url },
    footnote: 'You receive this as a member of the reference program team.',
  };
  return { subject, text: renderText(frame), html: renderHtml(frame) };
}

export interface RequestSubmittedEmailInput extends ProgramAlertBase {
  requesterName: string;
  rush: boolean;
}

/** A new request reached matching: the program team hears of it. */
export function renderRequestSubmittedEmail(input: RequestSubmittedEmailInput): RenderedEmail {
  const rush = input.rush ? ' It is a rush: the deadline is inside the usual lead time.' : '';
  return programAlert(
    input,
    `New request ${input.requestLabel}: ${input.activityLabel.toLowerCase()} for ${input.forWhat}`,
    `${input.requesterName} needs a ${input.activityLabel.toLowerCase()} by ${input.neededBy}`,
    [`${input.requesterName} submitted ${input.requestLabel}: a ${input.activityLabel.toLowerCase()} for ${input.forWhat}, needed by ${input.neededBy}.${rush}`, 'It is in the program queue, ready for matching.'],
    'Open the request',
  );
}

export interface DeadlineAtRiskEmailInput extends ProgramAlertBase {
  /** Business days left until needed-by (0: today, negative: passed). */
  businessDaysLeft: number;
}

/** A request close to its deadline with no conversation scheduled. */
export function renderDeadlineAtRiskEmail(input: DeadlineAtRiskEmailInput): RenderedEmail {
  const left =
    input.businessDaysLeft < 0 ? 'its needed-by date has passed' : input.businessDaysLeft === 0 ? 'it is needed today' : input.businessDaysLeft === 1 ? '1 business day is left' : `${input.businessDaysLeft} business days are left`;
  return programAlert(
    input,
    `Deadline at risk: ${input.requestLabel} is needed by ${input.neededBy}`,
    `${input.requestLabel} has nothing scheduled and ${left}`,
    [
      `${input.requestLabel} (a ${input.activityLabel.toLowerCase()} for ${input.forWhat}) has no conversation scheduled yet, and ${left} (needed by ${input.neededBy}).`,
      'Chase the pending answers, propose other advocates, or agree a new date with the requester.',
    ],
  );
}

export interface RedoOpenedEmailInput extends ProgramAlertBase {
  /** "R-40": the request being redone. */
  originalLabel: string;
  why: 'did_not_happen' | 'did_not_meet_needs';
}

/** A use did not happen or did not meet the need: a redo request is back in matching. */
export function renderRedoOpenedEmail(input: RedoOpenedEmailInput): RenderedEmail {
  const why = input.why === 'did_not_happen' ? 'the conversation did not happen' : 'the conversation did not meet the prospect’s needs';
  return programAlert(
    input,
    `Redo opened: ${input.requestLabel} replaces a use of ${input.originalLabel}`,
    `A redo of ${input.originalLabel} is back in matching`,
    [
      `On ${input.originalLabel}, ${why}. ${input.requestLabel} redoes it: a ${input.activityLabel.toLowerCase()} for ${input.forWhat}, needed by ${input.neededBy}.`,
      'The advocates already tried are left out of its matches.',
    ],
  );
}

export interface ApprovalEscalatedEmailInput extends ProgramAlertBase {
  ownerName: string;
  accountName: string;
  dueAt: Date;
}

/** A relationship owner has not answered in time: the admins take it from here. */
export function renderApprovalEscalatedEmail(input: ApprovalEscalatedEmailInput): RenderedEmail {
  return programAlert(
    input,
    `Approval overdue on ${input.requestLabel}: ${input.accountName}`,
    `${input.ownerName} has not answered an approval due ${input.dueAt.toUTCString()}`,
    [
      `${input.ownerName} has not approved or declined the use of ${input.accountName} for ${input.requestLabel} (a ${input.activityLabel.toLowerCase()} for ${input.forWhat}, needed by ${input.neededBy}).`,
      `The answer was due ${input.dueAt.toUTCString()} and a reminder has been sent. Reach the owner or their delegate, or propose another advocate.`,
    ],
  );
}

export interface DealWonEmailInput {
  orgName: string;
  color: string;
  recipientName: string;
  opportunityName: string;
  prospectName: string;
  url: string;
}

/** A deal that used references was won: the program team hears of it (the advocates get their own thanks). */
export function renderDealWonEmail(input: DealWonEmailInput): RenderedEmail {
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: `${input.prospectName} chose ${input.orgName}`,
    paragraphs: [
      `Hello ${input.recipientName},`,
      `${input.opportunityName} with ${input.prospectName} was won, and references played their part. The advocates who spoke for it are thanked and their impact recorded.`,
    ],
    action: { label: 'Open the opportunity', url: input.url },
    footnote: 'You receive this as a member of the reference program team.',
  };
  return { subject: `Won with references: ${input.opportunityName}`, text: renderText(frame), html: renderHtml(frame) };
}
