import { describe, expect, it } from 'vitest';
import { nextSendingInstant } from './send-window.js';

const at = (iso: string) => new Date(iso);

describe('nextSendingInstant', () => {
  it('sends now inside business hours on a business day', () => {
    // Wednesday 2026-11-25 10:30 in Paris (UTC+1).
    const now = at('2026-11-25T09:30:00Z');
    expect(nextSendingInstant(now, 'Europe/Paris')).toBe(now);
  });

  it('waits for 08:00 local the same day when it is early morning', () => {
    // Wednesday 05:00 in New York (UTC-5) → 08:00 New York = 13:00 UTC.
    expect(nextSendingInstant(at('2026-11-25T10:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-25T13:00:00.000Z');
  });

  it('moves a weekday evening to the next morning', () => {
    // Tuesday 19:00 in Tokyo (UTC+9) → Wednesday 08:00 Tokyo = Tuesday 23:00 UTC.
    expect(nextSendingInstant(at('2026-11-24T10:00:00Z'), 'Asia/Tokyo').toISOString()).toBe('2026-11-24T23:00:00.000Z');
  });

  it('moves a Friday evening to Monday 08:00 local, skipping the weekend', () => {
    // Friday 2026-11-27 18:30 in Paris → Monday 2026-11-30 08:00 Paris = 07:00 UTC.
    expect(nextSendingInstant(at('2026-11-27T17:30:00Z'), 'Europe/Paris').toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });

  it('moves Saturday and Sunday to Monday 08:00 local', () => {
    expect(nextSendingInstant(at('2026-11-28T12:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(nextSendingInstant(at('2026-11-29T22:59:00Z'), 'Europe/Paris').toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });

  it('reads the weekend on the recipient’s wall clock, not the server’s', () => {
    // Monday 2026-11-30 02:00 UTC is still Sunday 18:00 in Los Angeles → Monday 08:00 there (16:00 UTC).
    expect(nextSendingInstant(at('2026-11-30T02:00:00Z'), 'America/Los_Angeles').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    // Friday 2026-11-27 23:30 UTC is already Saturday 08:30 in Auckland (UTC+13) → Monday 08:00 there.
    expect(nextSendingInstant(at('2026-11-27T19:30:00Z'), 'Pacific/Auckland').toISOString()).toBe('2026-11-29T19:00:00.000Z');
  });

  it('keeps 08:00 local across a daylight-saving change', () => {
    // Europe went back to winter time on Sunday 2026-10-25: Friday 23 evening (UTC+2) → Monday 26 08:00 (UTC+1).
    expect(nextSendingInstant(at('2026-10-23T17:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-10-26T07:00:00.000Z');
    // The US moved to summer time on Sunday 2026-03-08: Saturday 7th → Monday 9th 08:00 EDT (UTC-4).
    expect(nextSendingInstant(at('2026-03-07T15:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-09T12:00:00.000Z');
  });

  it('sends now when the zone is missing or unknown', () => {
    const saturday = at('2026-11-28T03:00:00Z');
    expect(nextSendingInstant(saturday, null)).toBe(saturday);
    expect(nextSendingInstant(saturday, undefined)).toBe(saturday);
    expect(nextSendingInstant(saturday, 'Mars/Olympus_Mons')).toBe(saturday);
    expect(nextSendingInstant(saturday, '')).toBe(saturday);
  });

  it('honours other sending hours', () => {
    // Wednesday 17:30 UTC, hours 9–17 → Thursday 09:00 UTC.
    expect(nextSendingInstant(at('2026-11-25T17:30:00Z'), 'UTC', { startHour: 9, endHour: 17 }).toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });

  it('never goes back in time and always lands on a weekday inside the hours', () => {
    const zones = ['UTC', 'Europe/Paris', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Chatham'];
    for (const zone of zones) {
      for (let h = 0; h < 24 * 9; h += 5) {
        const now = new Date(Date.UTC(2026, 9, 20, h, 17));
        const next = nextSendingInstant(now, zone);
        expect(next.getTime()).toBeGreaterThanOrEqual(now.getTime());
        const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(next);
        const weekday = parts.find((p) => p.type === 'weekday')?.value;
        const hour = Number(parts.find((p) => p.type === 'hour')?.value);
        expect(['Sat', 'Sun']).not.toContain(weekday);
        expect(hour).toBeGreaterThanOrEqual(8);
        expect(hour).toBeLessThan(18);
      }
    }
  });
});
