import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

/**
 * vouch_code_list (migration 0016): the list part of a search record, a count byte followed by
 * each known key's taxonomy code as two big-endian bytes.
 */
let t: TestApp;
let codeOf: Map<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  const rows = await queryRows<{ key: string; code: number }>(t.deps.db, sql`select key, code from taxonomy_values where facet = 'topic' order by code`);
  codeOf = new Map(rows.map((r) => [r.key, r.code]));
});
afterAll(() => t.close());

async function codeList(keys: string[] | null): Promise<number[]> {
  const literal = keys === null ? null : `{${keys.map((k) => `"${k}"`).join(',')}}`;
  const [row] = await queryRows<{ hex: string }>(
    t.deps.db,
    sql`select encode(vouch_code_list(vouch_code_dictionary(), 'topic', ${literal}::text[]), 'hex') as hex`,
  );
  return [...Buffer.from(row!.hex, 'hex')];
}

const encoded = (codes: number[]) => [codes.length, ...codes.flatMap((c) => [c >> 8, c & 0xff])];

describe('vouch_code_list', () => {
  it('encodes each known key once, in the order given, and skips unknown keys', async () => {
    const [first, second] = [...codeOf.keys()];
    expect(await codeList([second!, 'not_a_topic', first!, second!])).toEqual(encoded([codeOf.get(second!)!, codeOf.get(first!)!]));
  });

  it('writes a zero count for an empty or missing list', async () => {
    expect(await codeList([])).toEqual([0]);
    expect(await codeList(null)).toEqual([0]);
    expect(await codeList(['not_a_topic'])).toEqual([0]);
  });

  it('matches what the search record of a stored advocate holds', async () => {
    const topics = [...codeOf.keys()].slice(0, 3);
    const [account] = await queryRows<{ id: string }>(t.deps.db, sql`insert into accounts (name) values ('Code List Co') returning id`);
    const [advocate] = await queryRows<{ id: string }>(
      t.deps.db,
      sql`insert into advocates (account_id, first_name, last_name, topic_keys) values (${account!.id}::uuid, 'Ada', 'Codes', ${`{${topics.join(',')}}`}::text[]) returning id`,
    );
    const [row] = await queryRows<{ hex: string }>(t.deps.db, sql`select encode(facet_codes, 'hex') as hex from advocate_search where advocate_id = ${advocate!.id}::uuid`);
    const bytes = [...Buffer.from(row!.hex, 'hex')];
    // The fixed part is 3 + 2 + 6 + 4 + 8 bytes; topics come first among the lists.
    expect(bytes.slice(23, 23 + 1 + 2 * topics.length)).toEqual(encoded(topics.map((k) => codeOf.get(k)!)));
    expect(bytes.slice(23 + 1 + 2 * topics.length)).toEqual([0, 0, 0, 0]);
  });
});
