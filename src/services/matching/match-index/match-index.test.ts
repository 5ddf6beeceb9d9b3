import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../db/client.js';
import { queryRows } from '../../../db/rows.js';
import { generateProgram } from '../../../seed/generate-program.js';
import { insertProgram } from '../../../seed/insert-program.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { MASK_COLUMNS, SMALL_COLUMNS } from './match-columns.js';
import { MatchIndex, RELOAD_AFTER_MS, type MatchCopy } from './match-index.js';
import { readUuid } from './uuid-words.js';

let t: TestApp;
let db: Executor;

beforeAll(async () => {
  t = await createTestApp();
  db = t.deps.db;
  await insertProgram(t.deps.db, generateProgram({ seed: 11, accounts: 40, ownerUserIds: [], now: t.clock.now() }));
});
afterAll(() => t.close());

/** Everything the copy holds, advocate by advocate. */
function contents(copy: MatchCopy | null): Map<string, string> {
  if (!copy) throw new Error('no copy');
  const c = copy.columns;
  const rows = new Map<string, string>();
  for (let i = 0; i < c.size; i++) {
    if (!c.live[i]) continue;
    const row = {
      account: readUuid(c.accounts, i * 4),
      referenceable: c.referenceable[i],
      employees: c.employees[i],
      lastUsed: c.lastUsed[i],
      small: SMALL_COLUMNS.map((k) => c.small[k][i]),
      masks: MASK_COLUMNS.map((k) => [c.masks[k][i * 2], c.masks[k][i * 2 + 1]]),
      blackouts: [...(c.blackouts.get(i) ?? [])],
    };
    rows.set(c.idOf(i), JSON.stringify(row));
  }
  return rows;
}

/** What a copy loaded from scratch now holds. */
async function loadedNow(): Promise<Map<string, string>> {
  return contents(await new MatchIndex().current(db));
}

async function matchIds(): Promise<string[]> {
  return (await queryRows<{ id: string }>(db, sql`select advocate_id::text as id from advocate_match order by 1`)).map((r) => r.id);
}

async function someActive(n: number): Promise<{ id: string; account_id: string }[]> {
  return queryRows(db, sql`select a.id::text, a.account_id::text from advocate_match m join advocates a on a.id = m.advocate_id order by a.id limit ${n}`);
}

describe('the in-memory copy of advocate_match', () => {
  it('holds exactly the table, and follows inserts, updates and deletes from any writer', async () => {
    const index = new MatchIndex();
    const first = contents(await index.current(db));
    expect([...first.keys()].sort()).toEqual(await matchIds());
    expect(first.size).toBeGreaterThan(50);

    const [paused, blacked, used, deleted, restricted] = await someActive(5);
    await db.execute(sql`update advocates set status = 'paused' where id = ${paused!.id}`);
    await db.execute(sql`insert into advocate_blackouts (advocate_id, starts_on, ends_on) values (${blacked!.id}, '2031-05-01', '2031-05-09')`);
    await db.execute(sql`insert into activities (advocate_id, account_id, activity_type_key, status, occurs_on, weight)
      values (${used!.id}, ${used!.account_id}, 'reference_call', 'planned', '2031-06-01', 1)`);
    await db.execute(sql`delete from advocates where id = ${deleted!.id}`);
    await db.execute(sql`update accounts set reference_status = 'restricted', restriction_reason = 'Renewal' where id = ${restricted!.account_id}`);
    await db.execute(sql`insert into advocates (account_id, first_name, last_name, status, topic_keys)
      values (${restricted!.account_id}, 'Nadia', 'Okafor', 'active', '{security}')`);

    const after = contents(await index.current(db));
    expect(after).toEqual(await loadedNow());
    expect([...after.keys()].sort()).toEqual(await matchIds());
    expect(after.has(paused!.id)).toBe(false);
    expect(after.has(deleted!.id)).toBe(false);
    expect(after.get(blacked!.id)).not.toEqual(first.get(blacked!.id));
    expect(after.get(used!.id)).not.toEqual(first.get(used!.id));
    expect(after.size).toBe(first.size - 1);
  });

  it('never copies what its own transaction wrote before it commits, and copies it once committed', async () => {
    const index = new MatchIndex();
    await index.current(db);
    const [victim] = await someActive(1);
    await expect(
      t.deps.db.transaction(async (tx) => {
        await tx.execute(sql`update advocates set status = 'paused' where id = ${victim!.id}`);
        expect(contents(await index.current(tx)).has(victim!.id)).toBe(true);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(contents(await index.current(db)).has(victim!.id)).toBe(true);

    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`update advocates set status = 'paused' where id = ${victim!.id}`);
      await index.current(tx);
    });
    const now = contents(await index.current(db));
    expect(now.has(victim!.id)).toBe(false);
    expect(now).toEqual(await loadedNow());
  });

  it('reads the policies and the taxonomy version with the copy, and re-reads the taxonomy when it changes', async () => {
    const index = new MatchIndex();
    const first = await index.current(db);
    const version = first!.taxonomyVersion!;
    const rows = await index.dictionaryRows(db, version);
    expect(await index.dictionaryRows(db, version)).toBe(rows);
    expect(rows.some((r) => r.facet === 'language' && r.key === 'ja')).toBe(true);

    await db.execute(sql`update taxonomy_values set label = 'Safety and security' where facet = 'topic' and key = 'security'`);
    await db.execute(sql`insert into program_policies (id, policies) values (1, '{"caps":{"restDays":3}}') on conflict (id) do update set policies = excluded.policies`);
    const second = await index.current(db);
    expect(second!.taxonomyVersion).not.toBe(version);
    expect(second!.policies).toEqual({ caps: { restDays: 3 } });
    const reread = await index.dictionaryRows(db, second!.taxonomyVersion!);
    expect(reread.find((r) => r.facet === 'topic' && r.key === 'security')?.label).toBe('Safety and security');

    // A transaction that has written caches nothing it reads.
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`update taxonomy_values set label = 'Security' where facet = 'topic' and key = 'security'`);
      expect((await index.current(tx))!.taxonomyVersion).toBeNull();
    });
  });

  it('builds no copy inside a transaction that has written (matching then ranks in SQL)', async () => {
    const index = new MatchIndex();
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`update accounts set notes = 'checked' where id = (select id from accounts limit 1)`);
      expect(await index.current(tx)).toBeNull();
    });
    expect(await index.current(db)).not.toBeNull();
  });

  it('reloads whole after being idle longer than the change log is kept', async () => {
    let clock = 0;
    const index = new MatchIndex(() => clock);
    await index.current(db);
    const [victim] = await someActive(1);
    await db.execute(sql`update advocates set status = 'paused' where id = ${victim!.id}`);
    // The sweep pruned the entries this copy would have read.
    await db.execute(sql`delete from advocate_match_changes`);
    // Brought up to date a moment ago, it reads only the log, so it cannot know.
    clock += 1_000;
    expect(contents(await index.current(db)).has(victim!.id)).toBe(true);
    clock += RELOAD_AFTER_MS + 1;
    expect(contents(await index.current(db)).has(victim!.id)).toBe(false);
  });
});
