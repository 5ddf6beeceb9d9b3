import { renderHtml, renderText, type RenderedEmail } from './layout.js';

export interface PortalSignInEmailInput {
  orgName: string;
  color: string;
  advocateFirstName: string;
  url: string;
  /** How long the link works, in minutes (or hours when 120 and more). */
  validMinutes: number;
  /** Why the link was sent: the advocate asked for it, or we ask them to check their profile. */
  purpose?: 'sign_in' | 'reverify';
}

function validFor(minutes: number): string {
  if (minutes >= 120) {
    const hours = Math.round(minutes / 60);
    return hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'}` : `${hours} hours`;
  }
  return `${minutes} minutes`;
}

/** The magic link to an advocate's own page: single use, short lived, and harmless when not asked for. */
export function renderPortalSignInEmail(input: PortalSignInEmailInput): RenderedEmail {
  const reverify = input.purpose === 'reverify';
  const frame = {
    orgName: input.orgName,
    color: input.color,
    preheader: reverify ? `Is your ${input.orgName} advocate profile still right?` : `Your sign-in link for ${input.orgName}`,
    paragraphs: [
      `Hello ${input.advocateFirstName},`,
      reverify
        ? `Could you take a minute to check that your advocate profile with ${input.orgName} is still right? The link below opens your page, where you can correct it.`
        : `Here is the link to your page with ${input.orgName}: your pending requests, your availability and preferences, and the impact of your help.`,
      `The link works once, for ${validFor(input.validMinutes)}. If it has expired, ask for a new one on the sign-in page.`,
    ],
    action: { label: reverify ? 'Check my profile' : 'Open my page', url: input.url },
    footnote: reverify
      ? `You receive this because you are a customer advocate for ${input.orgName}.`
      : 'If you did not ask for this link, you can ignore this e-mail: nobody can sign in without it.',
  };
  return {
    subject: reverify ? `Is your profile with ${input.orgName} still right?` : `Your sign-in link for ${input.orgName}`,
    text: renderText(frame),
    html: renderHtml(frame),
  };
}
