import { ROLE_LABELS, type Role } from '../../domain/roles.js';
import { renderHtml, renderText, type RenderedEmail } from './layout.js';

export interface InvitationEmailInput {
  orgName: string;
  color: string;
  inviteeName: string;
  inviterName: string;
  roles: Role[];
  url: string;
  expiresAt: Date;
}

export function renderInvitationEmail(input: InvitationEmailInput): RenderedEmail {
  const roles = input.roles.map((r) => ROLE_LABELS[r]).join(', ');
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: `${input.inviterName} invited you to Vouch`,
    paragraphs: [
      `Hello ${input.inviteeName},`,
      `${input.inviterName} invited you to join ${input.orgName} on Vouch, where the company manages its customer references and advocates. You will join as: ${roles}.`,
      `The link below works once and expires on ${input.expiresAt.toUTCString()}.`,
    ],
    action: { label: 'Accept the invitation', url: input.url },
    footnote: 'If you did not expect this invitation, ignore this message: nothing happens until the link is used.',
  };
  return { subject: `You are invited to ${input.orgName} on Vouch`, text: renderText(frame), html: renderHtml(frame) };
}
