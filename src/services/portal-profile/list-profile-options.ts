import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { taxonomyValues } from '../../db/schema/index.js';
import type { Facet } from '../../domain/taxonomy/types.js';
import type { ServiceDeps } from '../context.js';
import { loadOwnAdvocate } from './get-portal-profile.js';

export interface ProfileOption {
  key: string;
  label: string;
  /** Retired values appear only when the advocate holds them, so their labels still show. */
  retired: boolean;
}

export interface ProfileOptions {
  countries: ProfileOption[];
  languages: ProfileOption[];
  topics: ProfileOption[];
  useCases: ProfileOption[];
  products: ProfileOption[];
}

/**
 * What the advocate may pick in the profile form: the live values of each facet (the portal has
 * no access to the internal taxonomy API), plus the retired ones they still hold.
 */
export async function listProfileOptions(deps: ServiceDeps, advocateId: string): Promise<ProfileOptions> {
  const advocate = await loadOwnAdvocate(deps.db, advocateId);
  const facet = async (name: Facet, held: readonly string[]): Promise<ProfileOption[]> => {
    const rows = await deps.db
      .select({ key: taxonomyValues.key, label: taxonomyValues.label, retiredAt: taxonomyValues.retiredAt })
      .from(taxonomyValues)
      .where(and(eq(taxonomyValues.facet, name), held.length ? or(isNull(taxonomyValues.retiredAt), inArray(taxonomyValues.key, [...held])) : isNull(taxonomyValues.retiredAt)))
      .orderBy(asc(taxonomyValues.sortOrder), asc(sql`lower(${taxonomyValues.label})`), asc(taxonomyValues.key));
    return rows.map((r) => ({ key: r.key, label: r.label, retired: r.retiredAt !== null }));
  };
  return {
    countries: await facet('country', advocate.country ? [advocate.country] : []),
    languages: await facet('language', advocate.languageKeys),
    topics: await facet('topic', advocate.topicKeys),
    useCases: await facet('use_case', advocate.useCaseKeys),
    products: await facet('product', advocate.productKeys),
  };
}
