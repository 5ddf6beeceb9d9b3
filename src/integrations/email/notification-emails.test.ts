import { describe, expect, it } from 'vitest';
import { renderThankYouNoteEmail, renderReverifyEmail } from './advocate-care-emails.js';
import { renderApprovalReminderEmail } from './approval-reminder-email.js';
import { renderCallReminderEmail, renderConversationScheduledEmail } from './conversation-emails.js';
import { renderDebriefReminderEmail, renderDebriefRequestEmail } from './debrief-emails.js';
import { formatWhen } from './format-when.js';
import type { RenderedEmail } from './layout.js';
import { renderApprovalEscalatedEmail, renderDeadlineAtRiskEmail, renderDealWonEmail, renderRedoOpenedEmail, renderRequestSubmittedEmail } from './program-alert-emails.js';

const org = { orgName: 'Acme & Co', color: '#0b7285' };
const url = 'https://vouch.example.com/requests/abc?x=1&y=2';
const base = { ...org, recipientName: 'Pat', requestLabel: 'R-42', activityLabel: 'Reference call', forWhat: 'Globex <Corp>', neededBy: '2026-03-10', url };

/** Every template: org name and colour, phone viewport, escaped HTML, the link in both parts. */
function expectWellFormed(email: RenderedEmail, link: string | null) {
  expect(email.subject.length).toBeGreaterThan(5);
  expect(email.text).toContain('Acme & Co · Vouch');
  expect(email.html).toContain('Acme &amp; Co · Vouch');
  expect(email.html).toContain('#0b7285');
  expect(email.html).toContain('name="viewport"');
  expect(email.html).not.toMatch(/<(?!\/?(?:!doctype|html|head|meta|title|body|span|table|tr|td|p|a|br)\b)[a-z]/i);
  if (link) {
    expect(email.text).toContain(link);
    expect(email.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
  }
}

describe('program team alerts', () => {
  it('new request: who, what, rush, escaped', () => {
    const email = renderRequestSubmittedEmail({ ...base, requesterName: 'Dana <b>', rush: true });
    expectWellFormed(email, url);
    expect(email.text).toContain('Dana <b> submitted R-42: a reference call for Globex <Corp>, needed by 2026-03-10. It is a rush');
    expect(email.html).toContain('Dana &lt;b&gt;');
    expect(email.html).not.toContain('Globex <Corp>');
  });
  it('deadline at risk counts the business days left, today, or passed', () => {
    expectWellFormed(renderDeadlineAtRiskEmail({ ...base, businessDaysLeft: 2 }), url);
    expect(renderDeadlineAtRiskEmail({ ...base, businessDaysLeft: 2 }).text).toContain('2 business days are left');
    expect(renderDeadlineAtRiskEmail({ ...base, businessDaysLeft: 1 }).text).toContain('1 business day is left');
    expect(renderDeadlineAtRiskEmail({ ...base, businessDaysLeft: 0 }).text).toContain('it is needed today');
    expect(renderDeadlineAtRiskEmail({ ...base, businessDaysLeft: -1 }).text).toContain('its needed-by date has passed');
  });
  it('redo opened says why', () => {
    const email = renderRedoOpenedEmail({ ...base, originalLabel: 'R-40', why: 'did_not_meet_needs' });
    expectWellFormed(email, url);
    expect(email.subject).toBe('Redo opened: R-42 replaces a use of R-40');
    expect(email.text).toContain('did not meet the prospect’s needs');
  });
  it('approval escalation names the owner and the account', () => {
    const email = renderApprovalEscalatedEmail({ ...base, ownerName: 'Olga', accountName: 'Initech', dueAt: new Date('2026-03-02T12:00:00Z') });
    expectWellFormed(email, url);
    expect(email.text).toContain('Olga has not approved or declined the use of Initech for R-42');
  });
});

describe('deal won', () => {
  it('tells the program team, escaped, with the opportunity link', () => {
    const link = 'https://vouch.example.com/opportunities/o1';
    const email = renderDealWonEmail({ ...org, recipientName: 'Pat', opportunityName: 'Globex <expansion>', prospectName: 'Globex', url: link });
    expectWellFormed(email, link);
    expect(email.subject).toBe('Won with references: Globex <expansion>');
    expect(email.html).toContain('Globex &lt;expansion&gt;');
  });
});

describe('owner reminder', () => {
  it('links to the approvals page (sign-in required)', () => {
    const link = 'https://vouch.example.com/approvals';
    const email = renderApprovalReminderEmail({ ...org, ownerName: 'Olga', requesterName: 'Dana', advocateName: 'Ada L', accountName: 'Initech', activityLabel: 'Reference call', requestLabel: 'R-42', neededBy: '2026-03-10', dueAt: new Date('2026-03-02T12:00:00Z'), url: link });
    expectWellFormed(email, link);
    expect(email.subject).toBe('Reminder: approval needed for Ada L (Initech)');
  });
});

describe('conversation e-mails', () => {
  const startsAt = new Date('2026-03-04T13:30:00Z');
  const requester = { ...org, side: 'requester' as const, recipientFirstName: 'Dana', activityLabel: 'Reference call', startsAt, durationMinutes: 30, timeZone: 'America/New_York', meetingDetails: 'https://meet.example/x?a=1&b=2', requestLabel: 'R-42', advocateName: 'Ada Lovelace', accountName: 'Initech', url };
  const advocate = { ...org, side: 'advocate' as const, recipientFirstName: 'Ada', activityLabel: 'Reference call', startsAt, durationMinutes: 45, timeZone: 'Europe/Paris', meetingDetails: null, requesterLabel: 'Dana Jones (Sales)', context: 'a software company in Germany', topics: ['Security', 'Migration'] };

  it('formats the time on the recipient’s wall clock', () => {
    expect(formatWhen(startsAt, 'Europe/Paris')).toBe('Wednesday 4 March 2026, 14:30 (Europe/Paris)');
    expect(formatWhen(startsAt, null)).toBe('Wednesday 4 March 2026, 13:30 (UTC)');
    expect(formatWhen(startsAt, 'Not/AZone')).toContain('(UTC)');
  });
  it('scheduled, requester: advocate named, no contact detail, link to the request', () => {
    const email = renderConversationScheduledEmail({ ...requester, rescheduled: false });
    expectWellFormed(email, url);
    expect(email.subject).toBe('Confirmed: Reference call on Wednesday 4 March 2026, 08:30 (America/New_York)');
    expect(email.text).toContain('Ada Lovelace (Initech)');
    expect(email.text).toContain('How to join: https://meet.example/x?a=1&b=2');
    expect(email.html).toContain('https://meet.example/x?a=1&amp;b=2');
    expect(email.text).not.toMatch(/@/);
  });
  it('scheduled, advocate: local time, topics, no link needed, re-schedule wording', () => {
    const email = renderConversationScheduledEmail({ ...advocate, rescheduled: true });
    expectWellFormed(email, null);
    expect(email.subject).toContain('New date');
    expect(email.text).toContain('14:30 (Europe/Paris), 45 minutes');
    expect(email.text).toContain('They would like to hear about: Security, Migration.');
  });
  it('call reminder for both sides', () => {
    expectWellFormed(renderCallReminderEmail(requester), url);
    const email = renderCallReminderEmail(advocate);
    expectWellFormed(email, null);
    expect(email.subject).toBe('Tomorrow: Reference call at Wednesday 4 March 2026, 14:30 (Europe/Paris)');
  });
});

describe('debrief e-mails', () => {
  it('requester and advocate requests carry their own links', () => {
    const requester = renderDebriefRequestEmail({ ...org, side: 'requester', recipientFirstName: 'Dana', activityLabel: 'Reference call', counterpart: 'Ada (Initech)', heldOn: '2026-03-04', url });
    expectWellFormed(requester, url);
    const link = 'https://vouch.example.com/ask#token=abc';
    const advocate = renderDebriefRequestEmail({ ...org, side: 'advocate', recipientFirstName: 'Ada', activityLabel: 'Reference call', counterpart: 'Dana <Sales>', heldOn: '2026-03-04', url: link, expiresAt: new Date('2026-05-01T00:00:00Z') });
    expectWellFormed(advocate, link);
    expect(advocate.html).toContain('Dana &lt;Sales&gt;');
    expect(advocate.text).toContain('for you alone');
  });
  it('one reminder to the requester', () => {
    const email = renderDebriefReminderEmail({ ...org, recipientFirstName: 'Dana', activityLabel: 'Reference call', advocateLabel: 'Ada (Initech)', heldOn: '2026-03-04', requestLabel: 'R-42', url });
    expectWellFormed(email, url);
    expect(email.text).toContain('This is the only reminder.');
  });
});

describe('advocate care', () => {
  it('thank-you note quotes the note, escaped, with the points', () => {
    const email = renderThankYouNoteEmail({ ...org, advocateFirstName: 'Ada', fromName: 'Dana', note: 'You were <great>', kind: 'note', points: 5 });
    expectWellFormed(email, null);
    expect(email.text).toContain('“You were <great>”');
    expect(email.html).toContain('You were &lt;great&gt;');
    expect(email.text).toContain('5 points were added');
  });
  it('re-verification carries the self-update link', () => {
    const link = 'https://vouch.example.com/portal/auth?token=t0k&next=%2Fportal%2Fprofile';
    const email = renderReverifyEmail({ ...org, advocateFirstName: 'Ada', lastVerifiedOn: '2025-01-15', url: link, expiresAt: new Date('2026-03-01T00:00:00Z') });
    expectWellFormed(email, link);
    expect(email.text).toContain('on 2025-01-15');
  });
});
