import { describe, expect, it } from 'vitest';
import { latestMeetingStart, meetingStartProblem } from './meeting-dates.js';

const now = new Date('2026-03-10T12:00:00Z');

describe('meeting dates', () => {
  it('takes a recorded date up to 30 days back and a proposed one only ahead', () => {
    expect(meetingStartProblem(now, new Date('2026-02-20T12:00:00Z'), 'recorded')).toBeNull();
    expect(meetingStartProblem(now, new Date('2026-02-01T12:00:00Z'), 'recorded')).toMatch(/30 days/);
    expect(meetingStartProblem(now, new Date('2026-03-10T11:59:00Z'), 'proposed')).toBe('is in the past');
    expect(meetingStartProblem(now, new Date('2026-03-11T09:00:00Z'), 'proposed')).toBeNull();
  });
  it('holds both kinds to the same two-year horizon, so a proposed date can always be accepted', () => {
    const limit = latestMeetingStart(now);
    expect(limit.toISOString()).toBe('2028-03-10T12:00:00.000Z');
    for (const kind of ['recorded', 'proposed'] as const) {
      expect(meetingStartProblem(now, limit, kind)).toBeNull();
      expect(meetingStartProblem(now, new Date(limit.getTime() + 60_000), kind)).toMatch(/2 years/);
    }
  });
});
