import { eq, sql } from 'drizzle-orm';
import { pipelineStages, type PipelineStageRow } from '../../db/schema/index.js';
import { toKey } from '../../domain/taxonomy/types.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput, type FieldError } from '../errors.js';
import { STAGE_POSITION_STEP } from './seed-default-pipeline-stages.js';
import { listPipelineStages, type PipelineStageWithUse } from './list-pipeline-stages.js';

export interface StageInput {
  /** An existing stage's key (keys never change: opportunities store them); leave out to add a stage. */
  key?: string;
  label: string;
  description?: string | null;
  retired?: boolean;
}

const PIPELINE_LOCK = 72_031_005;
export const STAGE_KEY_PATTERN = /^[a-z0-9][a-z0-9_]{0,79}$/;

interface Planned {
  key: string;
  label: string;
  description: string | null;
  retired: boolean;
  position: number;
  existing: PipelineStageRow | undefined;
}

function uniqueKey(label: string, taken: Set<string>): string {
  const base = toKey(label).slice(0, 70) || 'stage';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** Checks the whole list at once and turns it into rows with positions; every problem is reported. */
function plan(input: StageInput[], current: PipelineStageRow[]): Planned[] {
  const errors: FieldError[] = [];
  const byKey = new Map(current.map((s) => [s.key, s]));
  const taken = new Set([...current.map((s) => s.key), ...input.flatMap((s) => (s.key ? [s.key] : []))]);
  const seenKeys = new Set<string>();
  const seenLabels = new Map<string, number>();
  const planned = input.map((stage, i): Planned => {
    const label = stage.label.trim();
    if (stage.key !== undefined) {
      if (!STAGE_KEY_PATTERN.test(stage.key)) errors.push({ field: `stages.${i}.key`, reason: 'must be lower-case letters, digits and _' });
      if (seenKeys.has(stage.key)) errors.push({ field: `stages.${i}.key`, reason: `"${stage.key}" is in the list twice` });
    }
    const key = stage.key ?? uniqueKey(label, taken);
    taken.add(key);
    seenKeys.add(key);
    const lower = label.toLowerCase();
    if (seenLabels.has(lower)) errors.push({ field: `stages.${i}.label`, reason: `"${label}" is already the name of stage ${(seenLabels.get(lower) ?? 0) + 1}` });
    seenLabels.set(lower, i);
    const description = stage.description?.trim() ? stage.description.trim() : null;
    return { key, label, description, retired: stage.retired ?? false, position: (i + 1) * STAGE_POSITION_STEP, existing: byKey.get(key) };
  });
  for (const stage of current) {
    if (!seenKeys.has(stage.key)) {
      errors.push({ field: 'stages', reason: `"${stage.label}" (${stage.key}) is missing: stages are never deleted, retire it instead` });
    }
  }
  if (!planned.some((s) => !s.retired)) errors.push({ field: 'stages', reason: 'at least one stage must stay in use' });
  if (errors.length > 0) throw invalidInput(errors);
  return planned;
}

/**
 * Replaces the ordered pipeline in one transaction: add, rename, describe, reorder, retire and
 * restore stages. Keys never change and stages are never deleted, so every opportunity keeps a
 * stage it can show; a retired stage keeps its place for the readiness rules. Audited with what
 * changed; a list that changes nothing writes nothing.
 */
export async function replacePipelineStages(deps: ServiceDeps, actor: Actor, input: StageInput[]): Promise<PipelineStageWithUse[]> {
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PIPELINE_LOCK})`);
    const current = await tx.select().from(pipelineStages);
    const planned = plan(input, current);
    const order = (stages: { key: string; position: number }[]) => [...stages].sort((a, b) => a.position - b.position).map((s) => s.key);
    const added = planned.filter((s) => !s.existing).map((s) => s.key);
    const renamed = planned.flatMap((s) => (s.existing && s.existing.label !== s.label ? [{ key: s.key, from: s.existing.label, to: s.label }] : []));
    const retired = planned.filter((s) => s.existing && s.retired && !s.existing.retiredAt).map((s) => s.key);
    const restored = planned.filter((s) => s.existing?.retiredAt && !s.retired).map((s) => s.key);
    const described = planned.filter((s) => s.existing && s.existing.description !== s.description).map((s) => s.key);
    const reordered = JSON.stringify(order(current).filter((k) => !added.includes(k))) !== JSON.stringify(planned.filter((s) => s.existing).map((s) => s.key));
    const moved = planned.some((s) => s.existing && s.existing.position !== s.position);
    if (!added.length && !renamed.length && !retired.length && !restored.length && !described.length && !moved) return listPipelineStages(tx);

    const now = deps.now();
    for (const stage of planned) {
      const retiredAt = stage.retired ? (stage.existing?.retiredAt ?? now) : null;
      const values = { label: stage.label, description: stage.description, position: stage.position, retiredAt };
      if (stage.existing) {
        const unchanged =
          stage.existing.label === stage.label &&
          stage.existing.description === stage.description &&
          stage.existing.position === stage.position &&
          (stage.existing.retiredAt === null) === !stage.retired;
        if (!unchanged) await tx.update(pipelineStages).set({ ...values, updatedAt: now }).where(eq(pipelineStages.key, stage.key));
      } else {
        await tx.insert(pipelineStages).values({ key: stage.key, ...values, createdAt: now, updatedAt: now });
      }
    }
    await recordAudit(tx, {
      action: 'pipeline.updated',
      actor,
      target: { type: 'pipeline', id: 'pipeline', label: 'Sales pipeline' },
      details: { added, renamed, retired, restored, described, reordered, order: planned.map((s) => s.key) },
    });
    return listPipelineStages(tx);
  });
}
