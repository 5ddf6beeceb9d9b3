import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAM_POLICY, resolveProgramPolicy } from './program-policy.js';

describe('resolveProgramPolicy', () => {
  it('gives the defaults for nothing stored, or for something that is not a policy', () => {
    for (const stored of [null, undefined, 'policy', 42, []]) expect(resolveProgramPolicy(stored)).toEqual(DEFAULT_PROGRAM_POLICY);
  });

  it('keeps every stored part when the matching weights name only some factors', () => {
    const policy = resolveProgramPolicy({ matchingWeights: { industry: 40, topics: 0 }, approvalDueBusinessDays: 4, caps: { restDays: 30 } });
    expect(policy.matchingWeights).toEqual({ ...DEFAULT_PROGRAM_POLICY.matchingWeights, industry: 40, topics: 0 });
    expect(policy.approvalDueBusinessDays).toBe(4);
    expect(policy.caps).toEqual({ ...DEFAULT_PROGRAM_POLICY.caps, restDays: 30 });
  });

  it('lets an invalid part fall back alone', () => {
    const policy = resolveProgramPolicy({
      askExpiryBusinessDays: 0,
      defaultSelectionMode: 'program_proposes',
      leadTimeBusinessDays: { reference_call: 'soon' },
      matchingWeights: { industry: 500, geography: 30 },
      caps: { windowDays: 90, advocateUnits: -1 },
    });
    expect(policy.askExpiryBusinessDays).toBe(DEFAULT_PROGRAM_POLICY.askExpiryBusinessDays);
    expect(policy.defaultSelectionMode).toBe('program_proposes');
    expect(policy.leadTimeBusinessDays).toEqual(DEFAULT_PROGRAM_POLICY.leadTimeBusinessDays);
    expect(policy.matchingWeights).toEqual(DEFAULT_PROGRAM_POLICY.matchingWeights);
    expect(policy.caps).toEqual(DEFAULT_PROGRAM_POLICY.caps);
  });

  it('returns a whole stored policy as stored', () => {
    const stored = { ...DEFAULT_PROGRAM_POLICY, defaultLeadTimeBusinessDays: 9, matchingWeights: { ...DEFAULT_PROGRAM_POLICY.matchingWeights, load: 0 } };
    expect(resolveProgramPolicy(stored)).toEqual(stored);
  });
});
