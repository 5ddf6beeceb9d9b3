import { and, arrayContains, eq, ilike, or, type SQL } from 'drizzle-orm';
import { users, type UserRow } from '../../db/schema/index.js';
import type { Role, Team } from '../../domain/roles.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { afterCursor, decodeCursor, exactTime, newestFirst, toPage, type Page } from '../pagination.js';

export interface ListUsersQuery {
  q?: string;
  role?: Role;
  team?: Team;
  status?: 'active' | 'deactivated';
  cursor?: string;
  limit: number;
}

export async function listUsers(deps: ServiceDeps, query: ListUsersQuery): Promise<Page<UserRow>> {
  const conditions: (SQL | undefined)[] = [afterCursor(decodeCursor(query.cursor), users.createdAt, users.id)];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (query.role) conditions.push(arrayContains(users.roles, [query.role]));
  if (query.team) conditions.push(eq(users.team, query.team));
  if (query.status) conditions.push(eq(users.status, query.status));
  const rows = await deps.db
    .select({ user: users, at: exactTime(users.createdAt) })
    .from(users)
    .where(and(...conditions))
    .orderBy(...newestFirst(users.createdAt, users.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.at, id: r.user.id }));
  return { items: page.items.map((r) => r.user), nextCursor: page.nextCursor };
}

export async function getUser(deps: ServiceDeps, id: string): Promise<UserRow> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw notFound('The user');
  return user;
}
