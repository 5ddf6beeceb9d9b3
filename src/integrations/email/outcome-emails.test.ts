import { describe, expect, it } from 'vitest';
import { renderHelpedWinEmail } from './helped-win-email.js';
import { renderLossQuestionEmail } from './loss-question-email.js';

describe('renderHelpedWinEmail', () => {
  it('thanks the advocate by name for the won deal, escaped in HTML', () => {
    const email = renderHelpedWinEmail({ orgName: 'Acme', color: '#123456', advocateFirstName: 'Ada', prospectName: 'Globex <Inc>', activityCount: 1 });
    expect(email.subject).toBe('You helped us win: thank you from Acme');
    expect(email.text).toContain('Hello Ada,');
    expect(email.text).toContain('Globex <Inc> chose Acme, and the time you gave');
    expect(email.html).toContain('Globex &lt;Inc&gt;');
    expect(email.html).not.toContain('Globex <Inc>');
  });
  it('counts several conversations', () => {
    expect(renderHelpedWinEmail({ orgName: 'Acme', color: '#000', advocateFirstName: 'Ada', prospectName: 'Globex', activityCount: 3 }).text).toContain(
      'the 3 conversations you had',
    );
  });
});

describe('renderLossQuestionEmail', () => {
  it('asks the requester what happened, with the requests and a link', () => {
    const email = renderLossQuestionEmail({
      orgName: 'Acme',
      color: '#123456',
      requesterName: 'Sam',
      opportunityName: 'Globex expansion',
      prospectName: 'Globex',
      requestNumbers: [12, 15],
      url: 'https://vouch.example.com/opportunities/abc',
    });
    expect(email.subject).toBe('Lost: Globex expansion, what happened?');
    expect(email.text).toContain('(R-12, R-15)');
    expect(email.text).toContain('Tell us what happened: https://vouch.example.com/opportunities/abc');
    expect(email.html).toContain('href="https://vouch.example.com/opportunities/abc"');
  });
});
