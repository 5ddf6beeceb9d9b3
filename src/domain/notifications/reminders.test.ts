import { describe, expect, it } from 'vitest';
import {
  approvalEscalationAt,
  approvalFollowUp,
  askExpired,
  callReminderDue,
  deadlineRisk,
  debriefReminderAt,
  debriefReminderDue,
  debriefRequestAt,
  debriefRequestDue,
  reminderKeys,
} from './reminders.js';

const at = (iso: string) => new Date(iso);

describe('approval follow-up', () => {
  const due = at('2026-03-05T10:00:00Z'); // a Thursday
  it('waits until due, reminds once due, escalates one business day later', () => {
    expect(approvalFollowUp(due, at('2026-03-05T09:59:59Z'))).toBe('none');
    expect(approvalFollowUp(due, due)).toBe('remind');
    expect(approvalFollowUp(due, at('2026-03-06T09:59:59Z'))).toBe('remind');
    expect(approvalFollowUp(due, at('2026-03-06T10:00:00Z'))).toBe('escalate');
  });
  it('skips the weekend: due Friday escalates Monday', () => {
    const friday = at('2026-03-06T15:00:00Z');
    expect(approvalEscalationAt(friday).toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(approvalFollowUp(friday, at('2026-03-08T15:00:00Z'))).toBe('remind');
  });
});

describe('deadline at risk', () => {
  it('alerts within two business days, not before', () => {
    const monday = at('2026-03-02T09:00:00Z');
    expect(deadlineRisk('2026-03-05', monday)).toEqual({ atRisk: false, businessDaysLeft: 3 });
    expect(deadlineRisk('2026-03-04', monday)).toEqual({ atRisk: true, businessDaysLeft: 2 });
    expect(deadlineRisk('2026-03-02', monday).atRisk).toBe(true);
    expect(deadlineRisk('2026-02-27', monday).businessDaysLeft).toBeLessThan(0);
  });
  it('counts a weekend as nothing: Friday to Tuesday is two', () => {
    expect(deadlineRisk('2026-03-10', at('2026-03-06T12:00:00Z'))).toEqual({ atRisk: true, businessDaysLeft: 2 });
  });
});

describe('call reminder', () => {
  const call = at('2026-03-05T14:00:00Z');
  it('opens 24 hours before and closes when the call starts', () => {
    expect(callReminderDue(call, at('2026-03-04T13:59:59Z'))).toBe(false);
    expect(callReminderDue(call, at('2026-03-04T14:00:00Z'))).toBe(true);
    expect(callReminderDue(call, at('2026-03-05T13:59:00Z'))).toBe(true);
    expect(callReminderDue(call, call)).toBe(false);
  });
});

describe('debrief request and reminder', () => {
  it('the business day after, at 08:00 UTC', () => {
    expect(debriefRequestAt(at('2026-03-04T16:00:00Z')).toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(debriefRequestAt(at('2026-03-06T16:00:00Z')).toISOString()).toBe('2026-03-09T08:00:00.000Z'); // Friday → Monday
    expect(debriefRequestAt(at('2026-03-07T10:00:00Z')).toISOString()).toBe('2026-03-09T08:00:00.000Z'); // Saturday → Monday
    expect(debriefRequestDue(at('2026-03-04T16:00:00Z'), at('2026-03-05T07:59:59Z'))).toBe(false);
    expect(debriefRequestDue(at('2026-03-04T16:00:00Z'), at('2026-03-05T08:00:00Z'))).toBe(true);
  });
  it('one reminder three business days after the request', () => {
    const call = at('2026-03-04T16:00:00Z');
    expect(debriefReminderAt(call).toISOString()).toBe('2026-03-10T08:00:00.000Z'); // Thu 5 + 3 business days = Tue 10
    expect(debriefReminderDue(call, at('2026-03-10T07:59:00Z'))).toBe(false);
    expect(debriefReminderDue(call, at('2026-03-10T08:00:00Z'))).toBe(true);
  });
});

describe('asks and keys', () => {
  it('an ask expires at its expiry instant', () => {
    expect(askExpired(null, at('2026-03-05T00:00:00Z'))).toBe(false);
    expect(askExpired(at('2026-03-05T00:00:00Z'), at('2026-03-04T23:59:59Z'))).toBe(false);
    expect(askExpired(at('2026-03-05T00:00:00Z'), at('2026-03-05T00:00:00Z'))).toBe(true);
  });
  it('keys name the thing and its period', () => {
    expect(reminderKeys.reverify('a1', at('2026-03-05T11:00:00Z'))).toBe('reverify:a1:2026-03-05');
    expect(reminderKeys.callReminder('c1', at('2026-03-05T11:00:00Z'))).toBe('call-reminder:c1:2026-03-05T11:00:00.000Z');
  });
});
