import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { queryRows } from '../db/rows.js';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.js';
import { recordAudit } from './audit/record-audit.js';
import type { ServiceDeps } from './context.js';
import { listAuditEvents } from './audit/list-audit-events.js';
import { encodeCursorParts, isExactTime } from './pagination.js';
import { listUsers } from './users/list-users.js';

/**
 * Keyset pages over (created-at, id). PostgreSQL keeps microseconds; rows written in one
 * transaction share their time to the microsecond, and a cursor that kept only milliseconds
 * skipped every one of them after the first page.
 */
let db: TestDatabase;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await createTestDatabase();
  deps = { db: db.database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), now: () => new Date(), log: pino({ level: 'silent' }) };
});
afterAll(() => db.drop());

async function allPages<T>(list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await list(cursor);
    items.push(...result.items);
    if (!result.nextCursor) return items;
    cursor = result.nextCursor;
  }
  throw new Error('the pages never ended');
}

describe('keyset pages over rows written in the same transaction', () => {
  it('lists every user once, in (created-at, id) order, two at a time', async () => {
    const marker = `Samemilli${randomUUID().slice(0, 8)}`;
    // Five rows at one time to the microsecond (PGlite's clock stops at milliseconds, so it is set), one a microsecond later.
    await db.database.db.execute(sql`
      insert into users (email, name, roles, team, password_hash, created_at)
      select ${marker} || i || '@example.test', ${marker} || ' ' || i, array['sales'], 'sales', 'x',
             '2026-11-25 10:00:00.123456+00'::timestamptz + case when i = 6 then interval '1 microsecond' else interval '0' end
      from generate_series(1, 6) i`);
    const expected = await queryRows<{ id: string }>(db.database.db, sql`select id from users where name like ${`${marker}%`} order by created_at desc, id desc`);
    const ids = expected.map((r) => r.id);
    const listed = await allPages((cursor) => listUsers(deps, { q: marker, limit: 2, cursor }));
    expect(listed.map((u) => u.id)).toEqual(ids);
    expect(listed[0]?.name).toBe(`${marker} 6`);
  });

  it('lists every audit event once (numeric ids), two at a time', async () => {
    const target = randomUUID();
    for (let i = 0; i < 5; i++) await recordAudit(deps.db, { action: 'import.completed', actor: null, actorLabel: 'system', target: { type: 'test', id: target, label: `event ${i}` } });
    // The log is append-only: the same time to the microsecond comes from a copy of the events.
    await deps.db.execute(sql`
      insert into audit_events (at, action, actor_label, target_type, target_id, target_label, details)
      select '2026-11-25 10:00:00.123456+00', action, actor_label, target_type, target_id || '-copy', target_label, details
      from audit_events where target_id = ${target} order by id`);
    const listed = await allPages((cursor) => listAuditEvents(deps, { targetId: `${target}-copy`, limit: 2, cursor }));
    expect(listed.map((e) => e.event.targetLabel)).toEqual(['event 4', 'event 3', 'event 2', 'event 1', 'event 0']);
  });

  it('answers a hand-made cursor with a bad time or id with 400, never a database error', async () => {
    const cursors = [
      ['2026-13-01 00:00:00+00', randomUUID()],
      ['1', randomUUID()],
      ['2026-11-25 10:00:00.123456+00', 'not-a-uuid'],
      ['2026-11-25 10:00:00+00', '12'],
      ['2026-02-30 10:00:00+00', randomUUID()],
    ].map((parts) => encodeCursorParts(parts));
    for (const cursor of cursors) {
      await expect(listUsers(deps, { limit: 2, cursor })).rejects.toMatchObject({ status: 400 });
    }
    await expect(listAuditEvents(deps, { limit: 2, cursor: encodeCursorParts(['2026-11-25 10:00:00+00', randomUUID()]) })).rejects.toMatchObject({ status: 400 });
  });
});

describe('isExactTime', () => {
  it('accepts what PostgreSQL prints for a timestamptz, and ISO times', () => {
    for (const text of ['2026-11-25 01:40:46.123456+00', '2026-11-25 01:40:46+05:30', '1890-01-01 00:00:00+00:09:21', '2026-11-25T01:40:46.123Z', '2028-02-29 23:59:59.999999+00']) {
      expect(isExactTime(text), text).toBe(true);
    }
  });

  it('refuses anything else', () => {
    const refused = ['', 'nonsense', '1', '2026-01-01', '2026-13-01 00:00:00+00', '2026-11-25 25:00:00+00', '2026-11-25 01:40:46.1234567+00', '2026-11-25 01:40:46 +00'];
    // Dates a JS Date accepts (rolling them over) and PostgreSQL refuses.
    refused.push('2026-02-30 00:00:00+00', '2026-04-31 12:00:00+00', '0000-01-01 00:00:00+00', '2026-11-25 24:00:00+00', '2026-11-25 23:59:60+00');
    for (const text of refused) {
      expect(isExactTime(text), text).toBe(false);
    }
  });
});
