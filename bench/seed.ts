import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { TEAMS } from '../src/domain/roles.js';
import { AUDIT_ACTIONS } from '../src/services/audit/record-audit.js';

/**
 * Deterministic bulk seed with set-based SQL (generate_series): users with a realistic role mix,
 * one session each, and an audit log skewed like a real one (sign-ins dominate).
 */
export async function seedFoundation(db: Db, size: { users: number; auditEvents: number }, passwordHash: string): Promise<void> {
  const teams = sql.raw(`ARRAY[${TEAMS.map((t) => `'${t}'`).join(',')}]`);
  await db.execute(sql`insert into organizations (name) values ('Bench Corp')`);
  await db.execute(sql`
    insert into users (email, name, roles, team, password_hash, created_at, updated_at, status)
    select 'user' || g || '@bench.example',
           (ARRAY['Ana','Ben','Chloé','Dev','Eun','Femi','Greta','Hiro','Ines','Jonas'])[1 + g % 10] || ' ' ||
           (ARRAY['Okafor','Schmidt','Tanaka','Silva','Nguyen','Larsen','Kowalski','Haddad','Moreau','Reyes'])[1 + (g / 10) % 10] || ' ' || g,
           CASE WHEN g % 50 = 0 THEN ARRAY['admin'] WHEN g % 7 = 0 THEN ARRAY['owner','sales'] WHEN g % 3 = 0 THEN ARRAY['owner']
                WHEN g % 5 = 0 THEN ARRAY['marketing'] WHEN g % 97 = 0 THEN ARRAY['exec'] ELSE ARRAY['sales'] END,
           (${teams})[1 + g % ${TEAMS.length}],
           ${passwordHash},
           now() - (g || ' minutes')::interval, now(),
           CASE WHEN g % 40 = 0 THEN 'deactivated' ELSE 'active' END
    from generate_series(1, ${size.users}) g`);
  const actions = sql.raw(`ARRAY[${AUDIT_ACTIONS.map((a) => `'${a}'`).join(',')}]`);
  await db.execute(sql`
    with u as (select id, email, row_number() over (order by created_at) as n from users)
    insert into audit_events (at, action, actor_user_id, actor_label, target_type, target_id, ip, details)
    select now() - (g || ' seconds')::interval,
           CASE WHEN g % 10 < 7 THEN 'auth.sign_in' ELSE (${actions})[1 + g % ${AUDIT_ACTIONS.length}] END,
           u.id, u.email, 'user', u.id::text, '10.0.' || (g % 250) || '.' || (g % 200), '{}'::jsonb
    from generate_series(1, ${size.auditEvents}) g
    join u on u.n = 1 + g % ${size.users}`);
  await db.execute(sql`analyze`);
}
