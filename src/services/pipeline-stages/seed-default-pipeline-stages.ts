import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { DEFAULT_PIPELINE_STAGES } from '../../domain/requests/program-policy.js';

/** Gap between default positions, so a stage can be placed between two without renumbering. */
export const STAGE_POSITION_STEP = 10;

/**
 * Loads the default sales pipeline into an empty pipeline_stages table in one statement.
 * Does nothing once any stage exists: admins own the pipeline from then on.
 */
export async function ensureDefaultPipelineStages(db: Executor): Promise<number> {
  const stages = DEFAULT_PIPELINE_STAGES.map((s, i) => ({ key: s.key, label: s.label, description: s.description, position: (i + 1) * STAGE_POSITION_STEP }));
  const inserted = await queryRows<{ n: number }>(
    db,
    sql`with rows as (
          insert into pipeline_stages (key, label, description, position)
          select key, label, description, position
          from jsonb_to_recordset(${JSON.stringify(stages)}::jsonb) as r(key text, label text, description text, position int)
          where not exists (select 1 from pipeline_stages)
          on conflict (key) do nothing
          returning 1)
        select count(*)::int as n from rows`,
  );
  return inserted[0]?.n ?? 0;
}
