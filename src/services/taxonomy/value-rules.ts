import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { taxonomyValues, type TaxonomyValueRow } from '../../db/schema/index.js';
import { TEAMS } from '../../domain/roles.js';
import { countryFacts } from '../../domain/taxonomy/geography.js';
import type { Facet } from '../../domain/taxonomy/types.js';
import { conflict, invalidInput, notFound, type FieldError } from '../errors.js';

export const LABEL_MAX_LENGTH = 120;
export const KEY_MAX_LENGTH = 80;
const KEY_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
const COUNTRY_KEY_PATTERN = /^[A-Z]{2}$/;

/** What an activity type carries: the weight one use counts against caps, and the teams that ask for it. */
export const activityTypeAttributesSchema = z.object({
  weight: z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
    .gt(0, 'must be more than 0')
    .lte(10, 'must be 10 or less'),
  teams: z.array(z.enum(TEAMS, { error: 'is not a known team' })).max(TEAMS.length).default([]),
});

/** Arbitrary namespace for the advisory locks below (any constant other locks do not use). */
const TAXONOMY_LOCK_NAMESPACE = 47_110;

/**
 * Serialises changes to one facet's values, so uniqueness and two-level checks cannot race.
 * Every writer takes this lock first, then row locks, so two writers never deadlock.
 */
export async function lockFacet(tx: Executor, facet: Facet): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TAXONOMY_LOCK_NAMESPACE}::int, hashtext(${facet}::text))`);
}

/** Locks a value (and its facet) for a change. */
export async function lockValue(tx: Executor, id: string): Promise<TaxonomyValueRow> {
  const [found] = await tx.select({ facet: taxonomyValues.facet }).from(taxonomyValues).where(eq(taxonomyValues.id, id));
  if (!found) throw notFound('The taxonomy value');
  await lockFacet(tx, found.facet);
  const [value] = await tx.select().from(taxonomyValues).where(eq(taxonomyValues.id, id)).for('update');
  if (!value) throw notFound('The taxonomy value');
  return value;
}

export function facetLabel(facet: Facet): string {
  return facet.replace(/_/g, ' ');
}

export function normalizeLabel(label: string): string {
  const trimmed = label.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0) throw invalidInput([{ field: 'label', reason: 'is required' }]);
  if (trimmed.length > LABEL_MAX_LENGTH) throw invalidInput([{ field: 'label', reason: `must be at most ${LABEL_MAX_LENGTH} characters` }]);
  return trimmed;
}

export function assertValidKey(facet: Facet, key: string): void {
  if (facet === 'country') {
    if (!COUNTRY_KEY_PATTERN.test(key)) throw invalidInput([{ field: 'key', reason: 'must be an ISO 3166-1 alpha-2 code: two upper-case letters' }]);
    return;
  }
  if (key.length === 0 || key.length > KEY_MAX_LENGTH || !KEY_PATTERN.test(key)) {
    throw invalidInput([{ field: 'key', reason: `must be lower-case letters and digits joined by underscores, at most ${KEY_MAX_LENGTH} characters` }]);
  }
}

export async function assertKeyFree(tx: Executor, facet: Facet, key: string): Promise<void> {
  const [taken] = await tx.select({ label: taxonomyValues.label }).from(taxonomyValues).where(and(eq(taxonomyValues.facet, facet), eq(taxonomyValues.key, key)));
  if (taken) {
    throw conflict(`The key "${key}" is already used by "${taken.label}" (keys stay reserved after retirement).`, [{ field: 'key', reason: 'is already used' }]);
  }
}

/** Live labels are unique per facet, ignoring case. */
export async function assertLabelFree(tx: Executor, facet: Facet, label: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: taxonomyValues.id })
    .from(taxonomyValues)
    .where(
      and(
        eq(taxonomyValues.facet, facet),
        eq(sql`lower(${taxonomyValues.label})`, label.toLowerCase()),
        isNull(taxonomyValues.retiredAt),
        exceptId ? ne(taxonomyValues.id, exceptId) : undefined,
      ),
    );
  if (taken) throw conflict(`Another current ${facetLabel(facet)} value is already called "${label}".`, [{ field: 'label', reason: 'is already used' }]);
}

export async function hasChildren(tx: Executor, facet: Facet, key: string, liveOnly: boolean): Promise<boolean> {
  const [child] = await tx
    .select({ id: taxonomyValues.id })
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, facet), eq(taxonomyValues.parentKey, key), liveOnly ? isNull(taxonomyValues.retiredAt) : undefined))
    .limit(1);
  return Boolean(child);
}

/**
 * A parent must be a current value of the same facet at the top level: values nest two levels
 * at most (sector → industry). `self` is the value being moved, when it already exists.
 */
export async function assertValidParent(tx: Executor, facet: Facet, parentKey: string, self?: TaxonomyValueRow): Promise<void> {
  const refuse = (reason: string) => invalidInput([{ field: 'parentKey', reason }]);
  if (self && parentKey === self.key) throw refuse('cannot be the value itself');
  const [parent] = await tx
    .select()
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, facet), eq(taxonomyValues.key, parentKey), isNull(taxonomyValues.retiredAt)));
  if (!parent) throw refuse(`"${parentKey}" is not a current ${facetLabel(facet)} value`);
  if (parent.parentKey) throw refuse(`"${parent.label}" is itself under "${parent.parentKey}": values nest two levels at most`);
  if (self && (await hasChildren(tx, facet, self.key, false))) {
    throw refuse(`"${self.label}" has values under it, so it cannot move under another value`);
  }
}

function attributeErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: ['attributes', ...issue.path.map(String)].join('.'), reason: issue.message }));
}

/**
 * The attributes to store. Activity types are validated when attributes are given; industries
 * record their level from the parent; a new ISO country gets its UN region unless given.
 */
export function resolveAttributes(
  facet: Facet,
  key: string,
  parentKey: string | null,
  attributes: Record<string, unknown>,
  validate: boolean,
): Record<string, unknown> {
  if (facet === 'activity_type' && validate) {
    const parsed = activityTypeAttributesSchema.safeParse(attributes);
    if (!parsed.success) throw invalidInput(attributeErrors(parsed.error));
    return { ...attributes, ...parsed.data };
  }
  if (facet === 'industry') return { ...attributes, level: parentKey ? 'industry' : 'sector' };
  if (facet === 'country') {
    const facts = countryFacts(key);
    return facts ? { region: facts.region, subregion: facts.subregion, ...attributes } : attributes;
  }
  return attributes;
}
