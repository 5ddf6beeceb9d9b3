import { asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { opportunities, pipelineStages, type PipelineStageRow } from '../../db/schema/index.js';
import type { StageRef } from '../../domain/requests/readiness.js';

export interface PipelineStageWithUse {
  stage: PipelineStageRow;
  /** Open opportunities at this stage (a retired stage keeps its opportunities until they move). */
  openOpportunityCount: number;
}

/** The pipeline in order, retired stages included (they keep their place). */
export async function listPipelineStages(db: Executor): Promise<PipelineStageWithUse[]> {
  const [stages, counts] = await Promise.all([
    db.select().from(pipelineStages).orderBy(asc(pipelineStages.position), asc(pipelineStages.key)),
    db
      .select({ stageKey: opportunities.stageKey, n: count() })
      .from(opportunities)
      .where(eq(opportunities.outcome, 'open'))
      .groupBy(opportunities.stageKey),
  ]);
  const byKey = new Map(counts.map((c) => [c.stageKey, c.n]));
  return stages.map((stage) => ({ stage, openOpportunityCount: byKey.get(stage.key) ?? 0 }));
}

/**
 * Every stage (retired ones too) as the readiness rules compare them: a gate that names a retired
 * stage, or a deal still at one, is compared by position.
 */
export async function loadStageRefs(db: Executor): Promise<StageRef[]> {
  return db
    .select({ key: pipelineStages.key, label: pipelineStages.label, position: pipelineStages.position })
    .from(pipelineStages)
    .orderBy(asc(pipelineStages.position));
}

/** Keys of the stages an opportunity may be moved to (not retired). */
export async function liveStageKeys(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ key: pipelineStages.key }).from(pipelineStages).where(sql`${pipelineStages.retiredAt} is null`);
  return new Set(rows.map((r) => r.key));
}
