import { accounts } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput } from '../errors.js';
import {
  assertCrmIdFree,
  crmIdRaceToConflict,
  findInvalidAccountFields,
  findSameName,
  normalizePatch,
  withOwner,
  type AccountFields,
  type AccountPatch,
  type AccountWithOwner,
} from './account-fields.js';

export type CreateAccountInput = AccountPatch & {
  name: string;
  /** Create even when an account with the same name exists (a real second company of that name). */
  allowDuplicateName?: boolean;
};

const EMPTY: Omit<AccountFields, 'name'> = {
  industryKey: null,
  annualRevenueUsd: null,
  employeeCount: null,
  hqCountry: null,
  productKeys: [],
  useCaseKeys: [],
  deployment: null,
  goLiveDate: null,
  seats: null,
  customerSince: null,
  ownerUserId: null,
  referenceStatus: 'referenceable',
  restrictionReason: null,
  usageCap: null,
  crmId: null,
  notes: null,
};

/** Creates an account: every invalid field is reported at once (400), then CRM id and name clashes (409). */
export async function createAccount(deps: ServiceDeps, actor: Actor, input: CreateAccountInput): Promise<AccountWithOwner> {
  const given = normalizePatch(input);
  const fields: AccountFields = { ...EMPTY, ...given, name: given.name ?? input.name.trim() };
  try {
    return await deps.db.transaction(async (tx) => {
      const errors = await findInvalidAccountFields(tx, { ...given, referenceStatus: fields.referenceStatus }, fields);
      if (errors.length > 0) throw invalidInput(errors);
      await assertCrmIdFree(tx, fields.crmId, null);
      if (!input.allowDuplicateName) {
        const same = await findSameName(tx, fields.name);
        if (same) {
          throw conflict(`An account with this name exists (${same.id}). Send allowDuplicateName: true to create another one.`, [
            { field: 'name', reason: 'An account with this name exists' },
          ]);
        }
      }
      const now = deps.now();
      const [account] = await tx
        .insert(accounts)
        .values({ ...fields, createdAt: now, updatedAt: now })
        .returning();
      if (!account) throw new Error('account insert returned nothing');
      await recordAudit(tx, {
        action: 'account.created',
        actor,
        target: { type: 'account', id: account.id, label: account.name },
        details: { crmId: account.crmId, ownerUserId: account.ownerUserId, referenceStatus: account.referenceStatus },
      });
      return withOwner(tx, account);
    });
  } catch (error) {
    throw await crmIdRaceToConflict(deps.db, error, fields.crmId, null);
  }
}
