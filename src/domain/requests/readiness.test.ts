import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_STAGES, DEFAULT_PROGRAM_POLICY, readinessGateFor } from './program-policy.js';
import { evaluateReadiness, type OpportunityReadiness } from './readiness.js';

const stages = DEFAULT_PIPELINE_STAGES.map((s, i) => ({ key: s.key, label: s.label, position: (i + 1) * 10 }));
const deal = (patch: Partial<OpportunityReadiness> = {}): OpportunityReadiness => ({
  stageKey: 'discovery',
  decisionMakerBuyIn: false,
  technicalApproval: false,
  budgetConfirmed: false,
  finalist: false,
  ...patch,
});
const callGate = readinessGateFor(DEFAULT_PROGRAM_POLICY, 'reference_call');

describe('readiness', () => {
  it('lets a request without an opportunity (marketing) through', () => {
    expect(evaluateReadiness(null, callGate, stages)).toEqual({ ready: true, gaps: [], meanwhile: [] });
  });

  it('blocks a reference call after a first meeting, saying the stage and the missing fact in plain words', () => {
    const result = evaluateReadiness(deal({ stageKey: 'qualification' }), callGate, stages, { activityLabel: 'A reference call' });
    expect(result.ready).toBe(false);
    expect(result.gaps).toEqual([
      {
        kind: 'stage',
        requiredStageKey: 'evaluation',
        requiredStageLabel: 'Technical evaluation',
        currentStageLabel: 'Qualification',
        message: 'The deal is at Qualification; a reference call is only arranged from Technical evaluation on. Move the opportunity to Technical evaluation when the deal gets there.',
      },
      {
        kind: 'fact',
        fact: 'decision_maker_buy_in',
        message: 'A reference call needs the decision-maker to back the project, and the opportunity does not say so yet. Tick “Decision-maker buy-in” on the opportunity once the decision-maker supports going ahead.',
      },
    ]);
  });

  it('says what to do meanwhile: stage-appropriate content, the peer review site, a recorded customer video', () => {
    const { meanwhile } = evaluateReadiness(deal({ stageKey: 'qualification' }), callGate, stages);
    expect(meanwhile[0]).toMatch(/stage-appropriate content: customer stories/);
    expect(meanwhile.some((m) => /peer review site/.test(m))).toBe(true);
    expect(meanwhile.some((m) => /recorded customer video/.test(m))).toBe(true);
    expect(meanwhile.some((m) => /executive brief/.test(m))).toBe(true);
    expect(new Set(meanwhile).size).toBe(meanwhile.length);
  });

  it('suggests proof rather than stories for a late deal', () => {
    const gate = readinessGateFor(DEFAULT_PROGRAM_POLICY, 'site_visit');
    const { ready, gaps, meanwhile } = evaluateReadiness(deal({ stageKey: 'negotiation', decisionMakerBuyIn: true }), gate, stages);
    expect(ready).toBe(false);
    expect(gaps.map((g) => (g.kind === 'fact' ? g.fact : g.kind))).toEqual(['technical_approval', 'finalist']);
    expect(meanwhile[0]).toMatch(/measured results/);
  });

  it('is ready at the minimum stage or later with every required fact', () => {
    expect(evaluateReadiness(deal({ stageKey: 'evaluation', decisionMakerBuyIn: true }), callGate, stages).ready).toBe(true);
    expect(evaluateReadiness(deal({ stageKey: 'commit', decisionMakerBuyIn: true }), callGate, stages)).toEqual({ ready: true, gaps: [], meanwhile: [] });
  });

  it('compares positions, not the order of the list', () => {
    const shuffled = [...stages].reverse();
    expect(evaluateReadiness(deal({ stageKey: 'proposal', decisionMakerBuyIn: true }), callGate, shuffled).ready).toBe(true);
  });

  it('has no stage minimum when the gate has none', () => {
    const gate = readinessGateFor(DEFAULT_PROGRAM_POLICY, 'advisory_board');
    expect(evaluateReadiness(deal({ stageKey: 'qualification' }), gate, stages).ready).toBe(true);
  });

  it('asks for the current stage when the deal names a stage no longer in the pipeline', () => {
    const result = evaluateReadiness(deal({ stageKey: 'gone', decisionMakerBuyIn: true }), callGate, stages);
    expect(result.gaps).toHaveLength(1);
    expect(result.gaps[0]).toMatchObject({ kind: 'stage', currentStageLabel: 'gone' });
    expect(result.gaps[0]?.message).toMatch(/no longer in the pipeline/);
  });

  it('skips a stage minimum that names no known stage (it cannot be checked)', () => {
    const result = evaluateReadiness(deal({ stageKey: 'qualification' }), { minStageKey: 'unknown', requiredFacts: [] }, stages);
    expect(result.ready).toBe(true);
  });

  it('lists every missing fact', () => {
    const result = evaluateReadiness(deal({ stageKey: 'commit' }), { minStageKey: null, requiredFacts: ['finalist', 'budget_confirmed', 'technical_approval', 'decision_maker_buy_in'] }, stages);
    expect(result.gaps.map((g) => (g.kind === 'fact' ? g.fact : ''))).toEqual(['decision_maker_buy_in', 'technical_approval', 'budget_confirmed', 'finalist']);
    for (const gap of result.gaps) expect(gap.message).toMatch(/^This kind of reference needs .+ Tick “.+” on the opportunity once/);
  });
});
