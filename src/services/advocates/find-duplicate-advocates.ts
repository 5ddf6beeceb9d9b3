import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import { accounts, advocateColumns, advocates } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import type { AdvocateWithAccount } from './get-advocate.js';

export type DuplicateReason = 'same_email' | 'same_name_same_account' | 'same_name';

export interface DuplicateCandidate extends AdvocateWithAccount {
  reasons: DuplicateReason[];
}

const REASON_ORDER: Record<DuplicateReason, number> = { same_email: 0, same_name_same_account: 1, same_name: 2 };

/**
 * Likely duplicates of an advocate, strongest first: the same e-mail anywhere, the same name at
 * the same account, the same name at another account. Names compare without case or spaces
 * around them.
 */
export async function findDuplicateAdvocates(deps: ServiceDeps, id: string, limit = 20): Promise<DuplicateCandidate[]> {
  const [subject] = await deps.db
    .select({ accountId: advocates.accountId, email: advocates.email, firstName: advocates.firstName, lastName: advocates.lastName })
    .from(advocates)
    .where(eq(advocates.id, id))
    .limit(1);
  if (!subject) throw notFound('The advocate');

  const sameName = and(
    eq(sql`lower(trim(${advocates.firstName}))`, subject.firstName.trim().toLowerCase()),
    eq(sql`lower(trim(${advocates.lastName}))`, subject.lastName.trim().toLowerCase()),
  );
  const sameEmail = subject.email ? eq(sql`lower(${advocates.email})`, subject.email.toLowerCase()) : undefined;
  const rows = await deps.db
    .select({
      advocate: advocateColumns(advocates),
      account: { id: accounts.id, name: accounts.name, ownerUserId: accounts.ownerUserId },
      sameEmail: sameEmail ? sql<boolean>`${sameEmail}` : sql<boolean>`false`,
      sameName: sql<boolean>`coalesce(${sameName}, false)`,
    })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(and(ne(advocates.id, id), or(sameEmail, sameName)))
    .orderBy(asc(advocates.lastName), asc(advocates.firstName), asc(advocates.id))
    .limit(limit);

  return rows
    .map(({ advocate, account, sameEmail: byEmail, sameName: byName }) => {
      const reasons: DuplicateReason[] = [];
      if (byEmail) reasons.push('same_email');
      if (byName) reasons.push(advocate.accountId === subject.accountId ? 'same_name_same_account' : 'same_name');
      return { advocate, account, blackouts: [], reasons };
    })
    .sort((a, b) => REASON_ORDER[a.reasons[0] ?? 'same_name'] - REASON_ORDER[b.reasons[0] ?? 'same_name']);
}
