import { describe, expect, it } from 'vitest';
import { isTimeZone, localDateIn } from './time-zones.js';

describe('isTimeZone', () => {
  it.each(['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC', 'America/Argentina/Buenos_Aires'])('accepts %s', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });
  it.each(['Mars/Olympus', 'Europe/Pariss', '', 'EST5EDT; DROP', '../etc/passwd', 'x'.repeat(80)])('refuses %j', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});

describe('localDateIn', () => {
  it('gives the date on the local wall clock, which may differ from the UTC date', () => {
    const at = new Date('2030-03-04T23:30:00Z');
    expect(localDateIn(at, 'UTC')).toBe('2030-03-04');
    expect(localDateIn(at, 'Asia/Tokyo')).toBe('2030-03-05');
    expect(localDateIn(new Date('2030-03-05T03:00:00Z'), 'America/Los_Angeles')).toBe('2030-03-04');
  });
});
