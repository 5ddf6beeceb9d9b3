import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../domain/taxonomy/defaults.js';
import { generateProgram, generateProgramChunks } from './generate-program.js';

const now = new Date('2026-11-01T00:00:00Z');
const owners = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];

describe('generateProgram', () => {
  const program = generateProgram({ seed: 42, accounts: 120, ownerUserIds: owners, now });

  it('is deterministic for a seed and differs across seeds', () => {
    const again = generateProgram({ seed: 42, accounts: 120, ownerUserIds: owners, now });
    expect(again).toEqual(program);
    expect(generateProgram({ seed: 43, accounts: 120, ownerUserIds: owners, now }).accounts[0]?.name).not.toBe(program.accounts[0]?.name);
  });

  it('makes a demo-sized program: about 300 advocates for 120 accounts', () => {
    expect(program.accounts).toHaveLength(120);
    expect(program.advocates.length).toBeGreaterThan(240);
    expect(program.advocates.length).toBeLessThan(360);
  });

  it('uses only taxonomy keys that exist', () => {
    const keys = new Set(defaultTaxonomy().map((v) => `${v.facet}:${v.key}`));
    const check = (facet: string, key: string) => expect(keys.has(`${facet}:${key}`), `${facet}:${key}`).toBe(true);
    for (const a of program.accounts) {
      check('industry', a.industryKey);
      check('country', a.hqCountry);
      a.productKeys.forEach((k) => check('product', k));
    }
    for (const v of program.advocates) {
      check('seniority', v.seniorityKey);
      check('function', v.functionKey);
      v.topicKeys.forEach((k) => check('topic', k));
      v.languageKeys.forEach((k) => check('language', k));
      Object.keys(v.willingness).forEach((k) => check('activity_type', k));
    }
  });

  it('looks like a real program: skewed sizes and countries, unique e-mails, titles matching seniority', () => {
    const sizes = program.accounts.map((a) => a.employeeCount).sort((x, y) => x - y);
    expect(sizes[0]).toBeGreaterThanOrEqual(50);
    expect(sizes.at(-1)).toBeLessThanOrEqual(200_000);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(5_000);
    const us = program.accounts.filter((a) => a.hqCountry === 'US').length;
    expect(us / program.accounts.length).toBeGreaterThan(0.2);
    expect(new Set(program.advocates.map((v) => v.email)).size).toBe(program.advocates.length);
    for (const v of program.advocates.filter((x) => x.seniorityKey === 'c_level')) expect(v.title).toMatch(/Chief|General Counsel/);
    for (const v of program.advocates.filter((x) => x.seniorityKey === 'vp')) expect(v.title).toMatch(/VP|Vice President/);
    expect(program.advocates.every((v) => /\d/.test(v.storyOutcomes))).toBe(true);
  });

  it('records consent for everyone past recruiting and for no one still being recruited', () => {
    for (const v of program.advocates) {
      if (['active', 'paused', 'retired'].includes(v.status)) expect(v.consent, v.status).not.toBeNull();
      if (['nominated', 'in_review', 'interviewed'].includes(v.status)) expect(v.consent, v.status).toBeNull();
    }
    expect(new Set(program.advocates.map((v) => v.status)).size).toBeGreaterThanOrEqual(6);
    const restricted = program.accounts.filter((a) => a.referenceStatus === 'restricted');
    expect(restricted.every((a) => a.restrictionReason)).toBe(true);
  });
});

describe('generateProgramChunks', () => {
  it('yields the same program in chunks, for streaming the large benchmark sizes', () => {
    const options = { seed: 5, accounts: 23, ownerUserIds: [], now: new Date('2026-06-01T00:00:00Z') };
    const chunks = [...generateProgramChunks(options, 5)];
    expect(chunks.map((c) => c.accounts.length)).toEqual([5, 5, 5, 5, 3]);
    const whole = generateProgram(options);
    expect(chunks.flatMap((c) => c.accounts)).toEqual(whole.accounts);
    expect(chunks.flatMap((c) => c.advocates)).toEqual(whole.advocates);
    for (const chunk of chunks) {
      const ids = new Set(chunk.accounts.map((a) => a.id));
      expect(chunk.advocates.every((a) => ids.has(a.accountId))).toBe(true);
    }
  });
});
