import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { taxonomyValues } from '../../db/schema/index.js';
import type { Facet } from '../../domain/taxonomy/types.js';
import type { FieldError } from '../errors.js';

export interface KeyCheck {
  facet: Facet;
  /** The input field, reported in problem+json: "industryKey", "topicKeys"… */
  field: string;
  /** A single-valued field (errors name the field itself)… */
  key?: string | null;
  /** …or a list (errors name `field.index`). */
  keys?: readonly string[];
}

/**
 * Checks that every key names a live (not retired) value of its facet. Returns one field error
 * per unknown or retired key, e.g. `topicKeys.2: "blockchain" is not a topic`, so callers can
 * report every problem at once. One query per facet.
 */
export async function findInvalidTaxonomyKeys(db: Executor, checks: KeyCheck[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const check of checks) {
    const given = check.keys ?? (check.key ? [check.key] : []);
    const wanted = [...new Set(given.filter((k) => k.length > 0))];
    if (wanted.length === 0) continue;
    const live = await db
      .select({ key: taxonomyValues.key })
      .from(taxonomyValues)
      .where(and(eq(taxonomyValues.facet, check.facet), inArray(taxonomyValues.key, wanted), isNull(taxonomyValues.retiredAt)))
      // A merge locks its source row FOR UPDATE: sharing the lock keeps a save from writing
      // a key back that a concurrent merge is rewriting away.
      .for('share');
    const known = new Set(live.map((r) => r.key));
    given.forEach((key, index) => {
      if (key.length === 0 || known.has(key)) return;
      const field = check.keys ? `${check.field}.${index}` : check.field;
      errors.push({ field, reason: `"${key}" is not a current ${check.facet.replace('_', ' ')} value` });
    });
  }
  return errors;
}
