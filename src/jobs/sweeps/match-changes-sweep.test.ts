import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.js';
import { generateProgram } from '../../seed/generate-program.js';
import { insertProgram } from '../../seed/insert-program.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { MATCH_CHANGES_KEEP_MINUTES } from '../../services/matching/match-index/match-index.js';
import { sweepMatchChanges } from './match-changes-sweep.js';
import { MONDAY, setClock } from './sweep-test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setClock(t, MONDAY);
  await insertProgram(t.deps.db, generateProgram({ seed: 13, accounts: 10, ownerUserIds: [], now: t.clock.now() }));
});
afterAll(() => t.close());

const minutes = (n: number) => n * 60_000;
const entries = async () => (await queryRows<{ id: number }>(t.deps.db, sql`select id::int from advocate_match_changes order by id`)).map((r) => r.id);
const horizons = async () => (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from advocate_match_horizons`))[0]?.n;

async function changeAnAdvocate(): Promise<void> {
  await t.deps.db.execute(sql`update advocates set status = case status when 'active' then 'paused' else 'active' end
    where id = (select id from advocates order by id limit 1)`);
}

describe('the match changes sweep', () => {
  it('deletes change entries only behind a horizon noted at least the keep time ago', async () => {
    const seeded = await entries();
    expect(seeded.length).toBeGreaterThan(0);
    expect((await sweepMatchChanges(t.deps)).ran).toBe(true);
    await changeAnAdvocate();
    const later = (await entries()).filter((id) => !seeded.includes(id));
    expect(later.length).toBeGreaterThan(0);

    // Too soon: nothing is deleted, another horizon is noted.
    t.clock.advance(minutes(MATCH_CHANGES_KEEP_MINUTES - 1));
    await sweepMatchChanges(t.deps);
    expect(await entries()).toEqual([...seeded, ...later]);
    expect(await horizons()).toBe(2);

    // The first horizon is old enough: what had ended before it goes, the later change stays.
    t.clock.advance(minutes(1));
    await sweepMatchChanges(t.deps);
    expect(await entries()).toEqual(later);
    expect(await horizons()).toBe(3);

    // Behind the newest horizon old enough (noted after the change had committed): the rest goes,
    // and so do the horizons before it.
    t.clock.advance(minutes(MATCH_CHANGES_KEEP_MINUTES));
    await sweepMatchChanges(t.deps);
    expect(await entries()).toEqual([]);
    expect(await horizons()).toBe(2);
  });
});
