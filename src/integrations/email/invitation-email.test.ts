import { describe, expect, it } from 'vitest';
import { renderInvitationEmail } from './invitation-email.js';

describe('renderInvitationEmail', () => {
  const input = {
    orgName: 'Acme <Analytics>',
    color: '#123456',
    inviteeName: 'Dana "DJ" Jones',
    inviterName: 'Pat Admin',
    roles: ['owner', 'sales'] as const,
    url: 'https://vouch.example.com/accept-invitation#token=abc',
    expiresAt: new Date('2026-12-01T00:00:00Z'),
  };
  it('renders HTML with escaped names, the button and a fallback link', () => {
    const email = renderInvitationEmail({ ...input, roles: [...input.roles] });
    expect(email.subject).toBe('You are invited to Acme <Analytics> on Vouch');
    expect(email.html).toContain('Acme &lt;Analytics&gt;');
    expect(email.html).not.toContain('<Analytics>');
    expect(email.html).toContain('Dana &quot;DJ&quot; Jones');
    expect(email.html).toContain('href="https://vouch.example.com/accept-invitation#token=abc"');
    expect(email.html).toContain('name="viewport"');
  });
  it('renders plain text with the link and roles', () => {
    const email = renderInvitationEmail({ ...input, roles: [...input.roles] });
    expect(email.text).toContain('Accept the invitation: https://vouch.example.com/accept-invitation#token=abc');
    expect(email.text).toContain('Relationship owner, Sales');
  });
});
