import { describe, expect, it } from 'vitest';
import { buildInvitationIcs, formatLocalTime, type InvitationIcsInput } from './invitation-ics.js';
import { icsUtcDate, parseIcs } from './ics-test-parser.js';

const base: InvitationIcsInput = {
  candidateId: '7b0c4b6e-1111-4222-8333-444455556666',
  domain: 'vouch.example.com',
  sequence: 0,
  startsAt: new Date('2030-03-04T15:00:00Z'),
  durationMinutes: 45,
  timeZone: 'America/New_York',
  title: 'Reference call: Ada Lovelace (Analytical; Engines, Ltd) with Globex',
  meetingDetails: 'Zoom: https://zoom.us/j/123456?pwd=abc\nDial-in: +1 555 0100',
  context: ['Request R-42', 'Topics: security, migration'],
  organizer: { name: 'Sam Seller', email: 'sam@example.com' },
  attendee: { name: 'Ada Lovelace', email: 'ada@analytical.example' },
  updatedAt: new Date('2030-02-01T09:30:00Z'),
};

describe('buildInvitationIcs', () => {
  it('writes an event that reads back with every field', () => {
    const { calendar, event } = parseIcs(buildInvitationIcs(base));
    expect(calendar.METHOD?.[0]?.value).toBe('REQUEST');
    expect(calendar.VERSION?.[0]?.value).toBe('2.0');
    expect(event.UID?.[0]?.value).toBe('candidate-7b0c4b6e-1111-4222-8333-444455556666@vouch.example.com');
    expect(event.SEQUENCE?.[0]?.value).toBe('0');
    expect(icsUtcDate(event.DTSTART?.[0]?.value ?? '')).toEqual(base.startsAt);
    expect(event.DURATION?.[0]?.value).toBe('PT45M');
    expect(event.SUMMARY?.[0]?.value).toBe(base.title);
    expect(event.LOCATION?.[0]?.value).toBe('https://zoom.us/j/123456?pwd=abc');
    expect(event.STATUS?.[0]?.value).toBe('CONFIRMED');
    const description = event.DESCRIPTION?.[0]?.value ?? '';
    expect(description).toContain('When: Mon, 4 Mar 2030, 10:00 (America/New_York), 45 minutes');
    expect(description).toContain('Dial-in: +1 555 0100');
    expect(description).toContain('Request R-42');
    expect(event.ORGANIZER?.[0]).toMatchObject({ params: { CN: 'Sam Seller' } });
    expect(event.ORGANIZER?.[0]?.value.toLowerCase()).toBe('mailto:sam@example.com');
    expect(event.ATTENDEE).toHaveLength(1);
    expect(event.ATTENDEE?.[0]?.params).toMatchObject({ CN: 'Ada Lovelace', RSVP: 'TRUE', PARTSTAT: 'NEEDS-ACTION' });
    expect(event.ATTENDEE?.[0]?.value.toLowerCase()).toBe('mailto:ada@analytical.example');
    expect(icsUtcDate(event['LAST-MODIFIED']?.[0]?.value ?? '')).toEqual(base.updatedAt);
  });

  it('keeps the UID and raises the SEQUENCE on a re-schedule', () => {
    const first = parseIcs(buildInvitationIcs(base)).event;
    const again = parseIcs(buildInvitationIcs({ ...base, sequence: 1, startsAt: new Date('2030-03-05T16:30:00Z') })).event;
    expect(again.UID?.[0]?.value).toBe(first.UID?.[0]?.value);
    expect(again.SEQUENCE?.[0]?.value).toBe('1');
    expect(again.DTSTART?.[0]?.value).toBe('20300305T163000Z');
  });

  it('leaves the attendee out when the viewer may not see the advocate’s e-mail, and copes without details', () => {
    const ics = buildInvitationIcs({ ...base, attendee: null, meetingDetails: null, context: [] });
    const { event } = parseIcs(ics);
    expect(event.ATTENDEE).toBeUndefined();
    expect(ics).not.toContain('ada@analytical.example');
    expect(event.LOCATION).toBeUndefined();
    expect(event.DESCRIPTION?.[0]?.value).toBe('When: Mon, 4 Mar 2030, 10:00 (America/New_York), 45 minutes');
  });

  it('uses the first line of the details as the location when there is no link', () => {
    const { event } = parseIcs(buildInvitationIcs({ ...base, meetingDetails: 'Room 4.01, 1 Main St\nAsk at reception' }));
    expect(event.LOCATION?.[0]?.value).toBe('Room 4.01, 1 Main St');
  });
});

describe('formatLocalTime', () => {
  it('shows the wall-clock time of the zone, across a daylight-saving change', () => {
    expect(formatLocalTime(new Date('2030-07-01T08:00:00Z'), 'Europe/Paris')).toBe('Mon, 1 Jul 2030, 10:00 (Europe/Paris)');
    expect(formatLocalTime(new Date('2030-01-01T08:00:00Z'), 'Europe/Paris')).toBe('Tue, 1 Jan 2030, 09:00 (Europe/Paris)');
  });
});
