import { describe, expect, it } from 'vitest';
import { renderProfileDecisionEmail } from './profile-decision-notice.js';

const base = { orgName: 'Globex', color: '#1c7ed6', advocateFirstName: 'Dana', profileUrl: 'https://vouch.example/portal/profile' };

describe('the profile decision e-mail', () => {
  it('says which changes are in and which were kept, in HTML and text, with the link', () => {
    const email = renderProfileDecisionEmail({ ...base, decision: 'approved', appliedLabels: ['Job title', 'Topics'], droppedLabels: ['Phone'], note: 'Please <call> us' });
    expect(email.subject).toBe('Your profile changes are in: Globex');
    expect(email.text).toContain('Hello Dana,');
    expect(email.text).toContain('accepted your changes (Job title, Topics)');
    expect(email.text).toContain('They kept these as they were: Phone.');
    expect(email.text).toContain('See your profile: https://vouch.example/portal/profile');
    expect(email.html).toContain('Please &lt;call&gt; us');
    expect(email.html).not.toContain('<call>');
  });

  it('explains a rejection with the team’s note', () => {
    const email = renderProfileDecisionEmail({ ...base, decision: 'rejected', appliedLabels: [], droppedLabels: ['Job title'], note: 'Use your official title' });
    expect(email.subject).toBe('About your profile changes: Globex');
    expect(email.text).toContain('did not take the profile changes you proposed');
    expect(email.text).toContain('“Use your official title”');
  });
});
