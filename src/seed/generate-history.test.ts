import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../domain/taxonomy/defaults.js';
import { createHistoryGenerator, generateOpportunities } from './generate-history.js';
import { generateProgram, generateProgramChunks } from './generate-program.js';

const now = new Date('2026-11-01T00:00:00Z');
const owners = ['11111111-1111-4111-8111-111111111111'];
const program = generateProgram({ seed: 3, accounts: 400, ownerUserIds: [], now });
const opportunities = generateOpportunities({ seed: 3, now, ownerUserIds: owners, count: 30, accounts: program.accounts });
const history = createHistoryGenerator({ seed: 3, now, ownerUserIds: owners, meanActivities: 10 }, opportunities)(program.advocates);

describe('generated histories', () => {
  it('are deterministic, the same whole or chunk by chunk', () => {
    const again = createHistoryGenerator({ seed: 3, now, ownerUserIds: owners, meanActivities: 10 }, opportunities);
    const chunked = [...generateProgramChunks({ seed: 3, accounts: 400, ownerUserIds: [], now }, 50)].flatMap((c) => again(c.advocates).activities);
    expect(chunked).toEqual(history.activities);
    expect(generateOpportunities({ seed: 3, now, ownerUserIds: owners, count: 30, accounts: program.accounts })).toEqual(opportunities);
  });

  it('give about ten uses per advocate, skewed: most a few, some many', () => {
    const perAdvocate = new Map<string, number>();
    for (const a of history.activities) perAdvocate.set(a.advocateId, (perAdvocate.get(a.advocateId) ?? 0) + 1);
    const mean = history.activities.length / program.advocates.length;
    expect(mean).toBeGreaterThan(7);
    expect(mean).toBeLessThan(13);
    const counts = [...perAdvocate.values()].sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    expect(counts[counts.length - 1]).toBeGreaterThan(5 * median);
    const recruited = new Set(program.advocates.filter((a) => ['active', 'paused', 'retired', 'left_company'].includes(a.status)).map((a) => a.id));
    expect([...perAdvocate.keys()].every((id) => recruited.has(id))).toBe(true);
  });

  it('look like real uses: past ones happened (some debriefed), future ones held or planned, sales uses on a deal', () => {
    const today = now.toISOString().slice(0, 10);
    const types = new Set(defaultTaxonomy().filter((v) => v.facet === 'activity_type').map((v) => v.key));
    const advocates = new Map(program.advocates.map((a) => [a.id, a]));
    for (const a of history.activities) {
      expect(types.has(a.activityTypeKey), a.activityTypeKey).toBe(true);
      expect(advocates.get(a.advocateId)?.accountId).toBe(a.accountId);
      if (a.occursOn > today) expect(['held', 'planned', 'cancelled']).toContain(a.status);
      else expect(['happened', 'did_not_happen', 'cancelled']).toContain(a.status);
      if (a.opportunityId) expect(['reference_call', 'site_visit']).toContain(a.activityTypeKey);
      expect(a.weight).toBeGreaterThan(0);
    }
    const happened = new Map(history.activities.filter((a) => a.status === 'happened').map((a) => [a.id, a]));
    expect(history.debriefs.length).toBeGreaterThan(0);
    expect(history.debriefs.every((d) => happened.has(d.activityId) && d.metNeeds >= 1 && d.metNeeds <= 5)).toBe(true);
    expect(opportunities.every((o) => o.ownerUserId === owners[0] && o.excludedAccountIds.every((id) => program.accounts.some((a) => a.id === id)))).toBe(true);
  });
});
