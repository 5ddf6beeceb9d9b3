import { describe, expect, it } from 'vitest';
import { ADVOCATE_STATUSES, allowedTransitions, canTransition, isAskable, transitionError } from './advocate-lifecycle.js';

describe('advocate lifecycle', () => {
  it('walks the recruiting path to active', () => {
    const path = ['nominated', 'in_review', 'interviewed', 'active'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });
  it('cannot skip the interview or go back to nominated from active', () => {
    expect(canTransition('nominated', 'active')).toBe(false);
    expect(canTransition('active', 'nominated')).toBe(false);
    expect(transitionError('nominated', 'active')).toMatch(/can only become in review, retired, left company/);
  });
  it('pauses and resumes, and anyone still here can leave the company', () => {
    expect(canTransition('active', 'paused')).toBe(true);
    expect(canTransition('paused', 'active')).toBe(true);
    for (const status of ADVOCATE_STATUSES.filter((s) => s !== 'left_company' && s !== 'retired')) {
      expect(canTransition(status, 'left_company'), status).toBe(true);
    }
  });
  it('treats left company as final and lets a retired advocate be recruited again', () => {
    expect(allowedTransitions('left_company')).toEqual([]);
    expect(transitionError('left_company', 'active')).toMatch(/final/);
    expect(canTransition('retired', 'in_review')).toBe(true);
    expect(canTransition('retired', 'active')).toBe(false);
  });
  it('lets anyone still in the program withdraw, and brings a withdrawn advocate back only through review', () => {
    for (const status of ADVOCATE_STATUSES.filter((s) => s !== 'left_company' && s !== 'withdrawn')) {
      expect(canTransition(status, 'withdrawn'), status).toBe(true);
    }
    expect(canTransition('left_company', 'withdrawn')).toBe(false);
    expect(allowedTransitions('withdrawn')).toEqual(['in_review', 'left_company']);
    expect(transitionError('withdrawn', 'active')).toMatch(/in review, left company/);
  });
  it('refuses a no-op transition with a clear reason', () => {
    expect(transitionError('active', 'active')).toMatch(/already active/);
  });
  it('only active advocates are askable', () => {
    expect(ADVOCATE_STATUSES.filter(isAskable)).toEqual(['active']);
  });
  it('every status can reach a terminal state (no dead ends besides the terminal ones)', () => {
    for (const status of ADVOCATE_STATUSES) {
      const seen = new Set([status]);
      const queue = [status];
      while (queue.length) {
        for (const next of allowedTransitions(queue.shift()!)) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect(seen.has('left_company') || status === 'left_company', status).toBe(true);
    }
  });
});
