import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { advocates } from '../../db/schema/index.js';
import type { FieldError } from '../errors.js';
import { findInvalidTaxonomyKeys } from '../taxonomy/validate-keys.js';
import type { AdvocateInput } from './advocate-input.js';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every reason the input cannot be stored, at once: taxonomy keys, time zone, dates. */
export async function findAdvocateInputErrors(db: Executor, input: Partial<AdvocateInput>): Promise<FieldError[]> {
  const errors = await findInvalidTaxonomyKeys(db, [
    { facet: 'seniority', field: 'seniorityKey', key: input.seniorityKey },
    { facet: 'function', field: 'functionKey', key: input.functionKey },
    { facet: 'country', field: 'country', key: input.country },
    { facet: 'language', field: 'languageKeys', keys: input.languageKeys },
    { facet: 'topic', field: 'topicKeys', keys: input.topicKeys },
    { facet: 'use_case', field: 'useCaseKeys', keys: input.useCaseKeys },
    { facet: 'product', field: 'productKeys', keys: input.productKeys },
    { facet: 'activity_type', field: 'willingness', keys: Object.keys(input.willingness ?? {}) },
  ]);
  if (input.timeZone && !isTimeZone(input.timeZone)) errors.push({ field: 'timeZone', reason: 'is not an IANA time zone such as Europe/Paris' });
  input.blackouts?.forEach((b, i) => {
    if (b.endsOn < b.startsOn) errors.push({ field: `blackouts.${i}.endsOn`, reason: 'must not be before startsOn' });
  });
  return errors;
}

/**
 * Duplicate rules: the same e-mail anywhere, or the same name at the same account.
 * Returns the existing advocate's id and which rule matched.
 */
export async function findDuplicateAdvocate(
  db: Executor,
  candidate: { email?: string | null; firstName: string; lastName: string; accountId: string },
  exceptId?: string,
): Promise<{ id: string; rule: 'email' | 'name' } | null> {
  const notSelf: SQL | undefined = exceptId ? ne(advocates.id, exceptId) : undefined;
  if (candidate.email) {
    const [byEmail] = await db
      .select({ id: advocates.id })
      .from(advocates)
      .where(and(eq(sql`lower(${advocates.email})`, candidate.email.toLowerCase()), notSelf))
      .limit(1);
    if (byEmail) return { id: byEmail.id, rule: 'email' };
  }
  const [byName] = await db
    .select({ id: advocates.id })
    .from(advocates)
    .where(
      and(
        eq(advocates.accountId, candidate.accountId),
        eq(sql`lower(${advocates.firstName})`, candidate.firstName.trim().toLowerCase()),
        eq(sql`lower(${advocates.lastName})`, candidate.lastName.trim().toLowerCase()),
        notSelf,
      ),
    )
    .limit(1);
  return byName ? { id: byName.id, rule: 'name' } : null;
}
