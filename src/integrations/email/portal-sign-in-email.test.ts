import { describe, expect, it } from 'vitest';
import { renderPortalSignInEmail } from './portal-sign-in-email.js';

describe('the portal sign-in e-mail', () => {
  const input = { orgName: 'Acme <Analytics>', color: '#123456', advocateFirstName: 'Dana', url: 'https://vouch.example.com/portal/auth?token=abc_DEF-123', validMinutes: 20 };

  it('gives the one link, how long it works and what to do when not asked for, escaped in HTML', () => {
    const email = renderPortalSignInEmail(input);
    expect(email.subject).toBe('Your sign-in link for Acme <Analytics>');
    expect(email.text).toContain('Hello Dana,');
    expect(email.text).toContain('Open my page: https://vouch.example.com/portal/auth?token=abc_DEF-123');
    expect(email.text).toContain('works once, for 20 minutes');
    expect(email.text).toContain('If you did not ask for this link');
    expect(email.html).toContain('href="https://vouch.example.com/portal/auth?token=abc_DEF-123"');
    expect(email.html).not.toContain('<Analytics>');
  });

  it('asks to check the profile for a re-verification, with a longer life', () => {
    const email = renderPortalSignInEmail({ ...input, purpose: 'reverify', validMinutes: 14 * 24 * 60 });
    expect(email.subject).toBe('Is your profile with Acme <Analytics> still right?');
    expect(email.text).toContain('Check my profile: https://vouch.example.com/portal/auth?token=abc_DEF-123');
    expect(email.text).toContain('for 14 days');
  });
});
