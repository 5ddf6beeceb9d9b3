import { and, arrayContains, eq, inArray, isNotNull, isNull, notInArray, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { advocates, users } from '../../db/schema/index.js';
import type { AdvocateStatus } from '../../domain/advocate-lifecycle.js';
import { isWanted, type NotificationKind } from '../../domain/notifications/catalog.js';

export type NoticeRecipient = { kind: 'user'; userId: string } | { kind: 'advocate'; advocateId: string } | { kind: 'program_team' };

/** A person a notice is for, read from the database, with what sending needs. */
export interface ResolvedRecipient {
  kind: 'user' | 'advocate';
  id: string;
  name: string;
  email: string | null;
  timeZone: string | null;
}

/** Advocates who said no more, or who left, get nothing but the sign-in link they asked for. */
const SILENCED_ADVOCATE_STATUSES: AdvocateStatus[] = ['withdrawn', 'left_company'];

/**
 * The people behind a notice's recipients, once each: active users (the program team is every
 * active admin), and advocates with an e-mail address who have not withdrawn or left. Anyone
 * who turned this (optional) kind off is left out; required kinds go to everyone.
 */
export async function resolveRecipients(tx: Executor, kind: NotificationKind, recipients: readonly NoticeRecipient[]): Promise<ResolvedRecipient[]> {
  const userIds = [...new Set(recipients.flatMap((r) => (r.kind === 'user' ? [r.userId] : [])))];
  const advocateIds = [...new Set(recipients.flatMap((r) => (r.kind === 'advocate' ? [r.advocateId] : [])))];
  const wantsTeam = recipients.some((r) => r.kind === 'program_team');

  const resolved: ResolvedRecipient[] = [];
  const seen = new Set<string>();
  const add = (person: ResolvedRecipient, optOuts: readonly string[]) => {
    const key = `${person.kind}:${person.id}`;
    if (seen.has(key) || !isWanted(kind, optOuts)) return;
    seen.add(key);
    resolved.push(person);
  };

  if (userIds.length > 0 || wantsTeam) {
    const team = wantsTeam ? arrayContains(users.roles, ['admin']) : undefined;
    const who = userIds.length > 0 ? or(inArray(users.id, userIds), team) : team;
    const rows = await tx
      .select({ id: users.id, name: users.name, email: users.email, roles: users.roles, optOuts: users.notificationOptOuts })
      .from(users)
      .where(and(eq(users.status, 'active'), who))
      .orderBy(users.createdAt, users.id);
    const explicit = new Set(userIds);
    for (const u of rows) {
      if (!explicit.has(u.id) && !(wantsTeam && u.roles.includes('admin'))) continue;
      add({ kind: 'user', id: u.id, name: u.name, email: u.email, timeZone: null }, u.optOuts);
    }
  }

  if (advocateIds.length > 0) {
    const reachable = kind === 'advocate.sign_in_link' ? undefined : and(notInArray(advocates.status, SILENCED_ADVOCATE_STATUSES), isNull(advocates.withdrawnAt));
    const rows = await tx
      .select({ id: advocates.id, firstName: advocates.firstName, lastName: advocates.lastName, email: advocates.email, timeZone: advocates.timeZone, optOuts: advocates.notificationOptOuts })
      .from(advocates)
      .where(and(inArray(advocates.id, advocateIds), isNotNull(advocates.email), reachable));
    const byId = new Map(rows.map((a) => [a.id, a]));
    for (const id of advocateIds) {
      const a = byId.get(id);
      if (!a) continue;
      add({ kind: 'advocate', id: a.id, name: `${a.firstName} ${a.lastName}`.trim(), email: a.email, timeZone: a.timeZone }, a.optOuts);
    }
  }
  return resolved;
}
