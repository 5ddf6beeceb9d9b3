import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/rows.js';
import { generateProgram } from '../../../seed/generate-program.js';
import { insertProgram } from '../../../seed/insert-program.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { MatchIndex } from './match-index.js';

// Runs in the PostgreSQL pass only (vitest.config.ts): PGlite is one connection, so no other
// transaction can be open while the copy reads.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await insertProgram(t.deps.db, generateProgram({ seed: 12, accounts: 20, ownerUserIds: [], now: t.clock.now() }));
});
afterAll(() => t.close());

const holds = (copy: Awaited<ReturnType<MatchIndex['current']>>, id: string) => {
  const c = copy?.columns;
  for (let i = 0; c && i < c.size; i++) if (c.live[i] && c.idOf(i) === id) return true;
  return false;
};

describe('the in-memory copy with concurrent writers', () => {
  it('picks up a change committed after its read by a transaction that was already running', async () => {
    const index = new MatchIndex();
    const [victim] = await queryRows<{ id: string }>(t.deps.db, sql`select advocate_id::text as id from advocate_match order by 1 limit 1`);
    let commit!: () => void;
    const go = new Promise<void>((resolve) => (commit = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const writer = t.db.database.withConnection((other) =>
      other.transaction(async (tx) => {
        await tx.execute(sql`update advocates set status = 'paused' where id = ${victim!.id}`);
        wrote();
        await go;
      }),
    );
    await written;
    // Read while the writer is open: its change is not visible yet.
    expect(holds(await index.current(t.deps.db), victim!.id)).toBe(true);
    // A second, unrelated change commits after the writer started.
    await t.deps.db.execute(sql`update advocates set status = 'paused' where id = (select advocate_id from advocate_match where advocate_id <> ${victim!.id} order by 1 limit 1)`);
    await index.current(t.deps.db);
    commit();
    await writer;
    expect(holds(await index.current(t.deps.db), victim!.id)).toBe(false);
  });
});
