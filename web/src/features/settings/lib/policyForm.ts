import type { ProgramPolicy, ReadinessFact, SelectionMode } from '@domain/requests/program-policy';
import { MATCHING_FACTORS_IN_ORDER, READINESS_FACT_OPTIONS } from './policyLabels';

/** The per-activity settings as the form edits them: every type gets explicit values. */
export interface ActivityRow {
  /** '' = no stage minimum. */
  minStageKey: string;
  requiredFacts: ReadinessFact[];
  leadTime: number | string;
  selectionMode: SelectionMode;
  /** '' = the activity type's own weight from the taxonomy. */
  weight: number | string;
}

export interface PolicyFormValues {
  activities: Record<string, ActivityRow>;
  fallback: Omit<ActivityRow, 'weight'>;
  caps: { windowDays: number | string; advocateUnits: number | string; accountUnits: number | string; restDays: number | string };
  matchingWeights: Record<string, number | string>;
  approvalDueBusinessDays: number | string;
  askExpiryBusinessDays: number | string;
}

const FACT_ORDER = READINESS_FACT_OPTIONS.map((o) => o.value);
const sortFacts = (facts: readonly ReadinessFact[]) => FACT_ORDER.filter((f) => facts.includes(f));

/** Explicit values for each activity type: its own entry where the policy has one, else the defaults. */
export function policyFormValues(policy: ProgramPolicy, activityKeys: readonly string[]): PolicyFormValues {
  const keys = [
    ...new Set([
      ...activityKeys,
      ...Object.keys(policy.readiness),
      ...Object.keys(policy.leadTimeBusinessDays),
      ...Object.keys(policy.selectionMode),
      ...Object.keys(policy.activityWeights),
    ]),
  ];
  const activities: Record<string, ActivityRow> = {};
  for (const key of keys) {
    const gate = policy.readiness[key] ?? policy.defaultReadiness;
    activities[key] = {
      minStageKey: gate.minStageKey ?? '',
      requiredFacts: sortFacts(gate.requiredFacts),
      leadTime: policy.leadTimeBusinessDays[key] ?? policy.defaultLeadTimeBusinessDays,
      selectionMode: policy.selectionMode[key] ?? policy.defaultSelectionMode,
      weight: policy.activityWeights[key] ?? '',
    };
  }
  return {
    activities,
    fallback: {
      minStageKey: policy.defaultReadiness.minStageKey ?? '',
      requiredFacts: sortFacts(policy.defaultReadiness.requiredFacts),
      leadTime: policy.defaultLeadTimeBusinessDays,
      selectionMode: policy.defaultSelectionMode,
    },
    caps: { ...policy.caps },
    matchingWeights: { ...policy.matchingWeights },
    approvalDueBusinessDays: policy.approvalDueBusinessDays,
    askExpiryBusinessDays: policy.askExpiryBusinessDays,
  };
}

const num = (value: number | string): number => (typeof value === 'number' ? value : Number(value.trim()));

/** The document the API takes: a type keeps an entry only where it differs from the defaults. */
export function policyFromForm(values: PolicyFormValues): ProgramPolicy {
  const fallbackGate = { minStageKey: values.fallback.minStageKey || null, requiredFacts: sortFacts(values.fallback.requiredFacts) };
  const fallbackLead = num(values.fallback.leadTime);
  const policy: ProgramPolicy = {
    readiness: {},
    defaultReadiness: fallbackGate,
    leadTimeBusinessDays: {},
    defaultLeadTimeBusinessDays: fallbackLead,
    caps: {
      windowDays: num(values.caps.windowDays),
      advocateUnits: num(values.caps.advocateUnits),
      accountUnits: num(values.caps.accountUnits),
      restDays: num(values.caps.restDays),
    },
    activityWeights: {},
    matchingWeights: Object.fromEntries(MATCHING_FACTORS_IN_ORDER.map((f) => [f, num(values.matchingWeights[f] ?? 0)])) as ProgramPolicy['matchingWeights'],
    selectionMode: {},
    defaultSelectionMode: values.fallback.selectionMode,
    approvalDueBusinessDays: num(values.approvalDueBusinessDays),
    askExpiryBusinessDays: num(values.askExpiryBusinessDays),
  };
  for (const [key, row] of Object.entries(values.activities)) {
    const gate = { minStageKey: row.minStageKey || null, requiredFacts: sortFacts(row.requiredFacts) };
    if (JSON.stringify(gate) !== JSON.stringify(fallbackGate)) policy.readiness[key] = gate;
    if (num(row.leadTime) !== fallbackLead) policy.leadTimeBusinessDays[key] = num(row.leadTime);
    if (row.selectionMode !== values.fallback.selectionMode) policy.selectionMode[key] = row.selectionMode;
    if (row.weight !== '' && row.weight !== null) policy.activityWeights[key] = num(row.weight);
  }
  return policy;
}

/** A check for a number input: required, within [min, max], whole when asked. */
export function numberBetween(min: number, max: number, whole: boolean, optional = false) {
  return (value: number | string): string | null => {
    if (value === '' || value === null) return optional ? null : 'Enter a number';
    const n = num(value);
    if (!Number.isFinite(n)) return 'Enter a number';
    if (whole && !Number.isInteger(n)) return 'Enter a whole number';
    return n < min || n > max ? `Enter a number from ${min} to ${max}` : null;
  };
}

/** Server field paths (`leadTimeBusinessDays.site_visit`) → the form's inputs. */
export function policyErrorAliases(activityKeys: readonly string[]): Record<string, string> {
  const aliases: Record<string, string> = {
    defaultLeadTimeBusinessDays: 'fallback.leadTime',
    'defaultReadiness.minStageKey': 'fallback.minStageKey',
    defaultReadiness: 'fallback.requiredFacts',
    defaultSelectionMode: 'fallback.selectionMode',
  };
  for (const key of activityKeys) {
    aliases[`readiness.${key}.minStageKey`] = `activities.${key}.minStageKey`;
    aliases[`readiness.${key}`] = `activities.${key}.requiredFacts`;
    aliases[`leadTimeBusinessDays.${key}`] = `activities.${key}.leadTime`;
    aliases[`selectionMode.${key}`] = `activities.${key}.selectionMode`;
    aliases[`activityWeights.${key}`] = `activities.${key}.weight`;
  }
  return aliases;
}
