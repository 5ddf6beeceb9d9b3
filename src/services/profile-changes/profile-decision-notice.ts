import type { Executor } from '../../db/client.js';
import { renderHtml, renderText, type RenderedEmail } from '../../integrations/email/layout.js';
import type { ServiceDeps } from '../context.js';
import { notify } from '../notifications/notify.js';
import { getOrganization } from '../organization/get-organization.js';

export interface ProfileDecisionEmailInput {
  orgName: string;
  color: string;
  advocateFirstName: string;
  decision: 'approved' | 'rejected';
  /** Labels of the fields now on the profile (approved), all of them or a part. */
  appliedLabels: string[];
  /** Labels of proposed fields the team did not take. */
  droppedLabels: string[];
  note: string | null;
  profileUrl: string;
}

/** "Your profile update": whether the program team took the changes the advocate proposed. */
export function renderProfileDecisionEmail(input: ProfileDecisionEmailInput): RenderedEmail {
  const paragraphs = [`Hello ${input.advocateFirstName},`];
  if (input.decision === 'approved') {
    paragraphs.push(`Thank you for keeping your profile up to date. The ${input.orgName} program team accepted your changes (${input.appliedLabels.join(', ')}); your profile shows them now.`);
    if (input.droppedLabels.length) paragraphs.push(`They kept these as they were: ${input.droppedLabels.join(', ')}.`);
  } else {
    paragraphs.push(`The ${input.orgName} program team did not take the profile changes you proposed, so your profile stays as it was.`);
  }
  if (input.note) paragraphs.push(`Their note: “${input.note}”`);
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: input.decision === 'approved' ? 'Your profile changes are in' : 'About the profile changes you proposed',
    paragraphs,
    action: { label: 'See your profile', url: input.profileUrl },
    footnote: 'You receive this because you proposed changes to your advocate profile. You can turn these messages off on your preferences page.',
  };
  const subject = input.decision === 'approved' ? `Your profile changes are in: ${input.orgName}` : `About your profile changes: ${input.orgName}`;
  return { subject, text: renderText(frame), html: renderHtml(frame) };
}

/** Tells the advocate how their proposal was decided, in the deciding transaction. */
export async function noticeProfileDecision(
  deps: ServiceDeps,
  tx: Executor,
  input: { changeId: string; advocateId: string; advocateFirstName: string; decision: 'approved' | 'rejected'; appliedLabels: string[]; droppedLabels: string[]; note: string | null },
): Promise<void> {
  const org = await getOrganization(tx);
  await notify(deps, tx, {
    kind: 'advocate.profile_update_decided',
    recipients: [{ kind: 'advocate', advocateId: input.advocateId }],
    render: () => {
      const email = renderProfileDecisionEmail({
        orgName: org.name,
        color: org.primaryColor,
        advocateFirstName: input.advocateFirstName,
        decision: input.decision,
        appliedLabels: input.appliedLabels,
        droppedLabels: input.droppedLabels,
        note: input.note,
        profileUrl: `${deps.config.publicUrl}/portal/profile`,
      });
      return { email, title: email.subject };
    },
    link: '/portal/profile',
    dedupeKey: `profile-change:${input.changeId}:decided`,
    payload: { changeId: input.changeId, decision: input.decision },
  });
}
