import { describe, expect, it } from 'vitest';
import { checkLeadTime } from './lead-time.js';

const monday = new Date('2025-03-03T10:00:00Z');

describe('lead time', () => {
  it('accepts a date that leaves the minimum', () => {
    expect(checkLeadTime(monday, '2025-03-10', 5, { activityLabel: 'a reference call' })).toEqual({
      minimumBusinessDays: 5,
      availableBusinessDays: 5,
      rush: false,
      inPast: false,
      earliestDate: '2025-03-10',
      message: 'Needed by Mon 10 Mar 2025 leaves 5 business days; a reference call needs at least 5 business days.',
    });
  });

  it('counts a date inside the lead time as a rush, naming the earliest date that respects it', () => {
    const result = checkLeadTime(monday, '2025-03-07', 5, { activityLabel: 'a reference call' });
    expect(result).toMatchObject({ availableBusinessDays: 4, rush: true, inPast: false, earliestDate: '2025-03-10' });
    expect(result.message).toBe(
      'Needed by Fri 7 Mar 2025 leaves 4 business days; a reference call needs at least 5 business days. ' +
        'The earliest date that respects the lead time is Mon 10 Mar 2025. A sooner date needs a justification and counts as a rush.',
    );
  });

  it('skips weekends: a site visit 15 business days out is three weeks away', () => {
    expect(checkLeadTime(monday, '2025-03-21', 15)).toMatchObject({ availableBusinessDays: 14, rush: true, earliestDate: '2025-03-24' });
    expect(checkLeadTime(monday, '2025-03-24', 15)).toMatchObject({ availableBusinessDays: 15, rush: false });
  });

  it('treats a Saturday deadline as the Friday before for counting', () => {
    const friday = new Date('2025-03-07T16:00:00Z');
    expect(checkLeadTime(friday, '2025-03-15', 5)).toMatchObject({ availableBusinessDays: 5, rush: false });
    expect(checkLeadTime(friday, '2025-03-09', 1)).toMatchObject({ availableBusinessDays: 0, rush: true, earliestDate: '2025-03-10' });
  });

  it('says a date in the past is in the past', () => {
    const result = checkLeadTime(monday, '2025-02-28', 5);
    expect(result).toMatchObject({ inPast: true, rush: true, availableBusinessDays: -1 });
    expect(result.message).toMatch(/^The needed-by date Fri 28 Feb 2025 is in the past\. Pick a date from Mon 10 Mar 2025 on/);
  });

  it('needs no lead time when the minimum is 0', () => {
    expect(checkLeadTime(monday, '2025-03-03', 0)).toMatchObject({ availableBusinessDays: 0, rush: false, inPast: false, earliestDate: '2025-03-03' });
  });

  it('refuses a date that is not a date', () => {
    expect(() => checkLeadTime(monday, 'next week', 5)).toThrow(/not a date/);
  });
});
