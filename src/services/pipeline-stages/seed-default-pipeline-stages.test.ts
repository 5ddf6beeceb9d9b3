import { afterEach, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { pipelineStages } from '../../db/schema/index.js';
import { DEFAULT_PIPELINE_STAGES } from '../../domain/requests/program-policy.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { ensureDefaultPipelineStages } from './seed-default-pipeline-stages.js';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe('default pipeline stages', () => {
  it('are in every new installation, in order, and seeding again adds nothing', async () => {
    db = await createTestDatabase();
    const handle = db.database.db;
    const rows = await handle.select().from(pipelineStages).orderBy(asc(pipelineStages.position));
    expect(rows.map((r) => r.key)).toEqual(DEFAULT_PIPELINE_STAGES.map((s) => s.key));
    expect(rows.every((r) => r.retiredAt === null && r.description)).toBe(true);
    expect(await ensureDefaultPipelineStages(handle)).toBe(0);
    expect(await handle.select().from(pipelineStages)).toHaveLength(DEFAULT_PIPELINE_STAGES.length);
  });

  it('fill an empty pipeline, and never come back once admins changed it', async () => {
    db = await createTestDatabase();
    const handle = db.database.db;
    await handle.delete(pipelineStages);
    expect(await ensureDefaultPipelineStages(handle)).toBe(DEFAULT_PIPELINE_STAGES.length);
    await handle.delete(pipelineStages);
    await handle.insert(pipelineStages).values({ key: 'only', label: 'Only stage', position: 1 });
    expect(await ensureDefaultPipelineStages(handle)).toBe(0);
    expect((await handle.select().from(pipelineStages)).map((r) => r.key)).toEqual(['only']);
  });
});
