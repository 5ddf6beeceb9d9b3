import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { advocates } from '../../db/schema/index.js';
import type { AdvocateInput } from '../advocates/advocate-input.js';
import { findAdvocateInputErrors } from '../advocates/validate-advocate.js';
import type { FieldError } from '../errors.js';
import type { ProfileValues } from './profile-fields.js';

/** The advocate-edit input these profile values amount to. */
export function toAdvocateInput(changes: Partial<ProfileValues>): Partial<AdvocateInput> {
  const input: Partial<AdvocateInput> = {};
  const text = (v: ProfileValues[keyof ProfileValues] | undefined) => (typeof v === 'string' ? v : null);
  const list = (v: ProfileValues[keyof ProfileValues] | undefined) => (Array.isArray(v) ? v : []);
  if ('title' in changes) input.title = text(changes.title);
  if ('phone' in changes) input.phone = text(changes.phone);
  if ('email' in changes) input.email = text(changes.email);
  if ('country' in changes) input.country = text(changes.country);
  if ('timeZone' in changes) input.timeZone = text(changes.timeZone);
  if ('languageKeys' in changes) input.languageKeys = list(changes.languageKeys);
  if ('topicKeys' in changes) input.topicKeys = list(changes.topicKeys);
  if ('useCaseKeys' in changes) input.useCaseKeys = list(changes.useCaseKeys);
  if ('productKeys' in changes) input.productKeys = list(changes.productKeys);
  if ('storySituation' in changes) input.storySituation = text(changes.storySituation);
  if ('storySolution' in changes) input.storySolution = text(changes.storySolution);
  if ('storyOutcomes' in changes) input.storyOutcomes = text(changes.storyOutcomes);
  return input;
}

/**
 * The rules an admin's edit applies (live taxonomy keys, an IANA time zone), every reason at
 * once, one per field. With `checkEmailOwner` (the reviewer's side) also that the e-mail belongs
 * to nobody else; the advocate's side does not check it, so the portal cannot probe addresses.
 */
export async function findProfileChangeErrors(
  db: Executor,
  advocateId: string,
  changes: Partial<ProfileValues>,
  options: { checkEmailOwner: boolean },
): Promise<FieldError[]> {
  const errors = await findAdvocateInputErrors(db, toAdvocateInput(changes));
  if (options.checkEmailOwner && typeof changes.email === 'string') {
    const [other] = await db
      .select({ id: advocates.id })
      .from(advocates)
      .where(and(eq(sql`lower(${advocates.email})`, changes.email.toLowerCase()), ne(advocates.id, advocateId)))
      .limit(1);
    if (other) errors.push({ field: 'email', reason: 'belongs to another advocate' });
  }
  return errors;
}
