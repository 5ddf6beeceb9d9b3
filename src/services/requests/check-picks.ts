import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accounts, advocates, type ReferenceRequestRow } from '../../db/schema/index.js';

export interface PickFailure {
  rule: string;
  label: string;
}

export interface PickMatch {
  factors: { factor: string; label: string; contribution: number; detail: string }[];
  lastUsedOn: string | null;
}

export type PickVerdict =
  | ({ ok: true; advocateId: string; accountId: string; name: string; score: number } & PickMatch)
  | { ok: false; advocateId: string; name: string; failures: PickFailure[] };

/**
 * Re-checks picked advocates against the matching's hard rules on the server, in the order
 * given: each passes with its score and explanation, or fails with every rule it breaks named.
 * Interim: active, willing and at a referenceable account, until matching lands.
 */
export async function checkPicks(tx: Tx, request: ReferenceRequestRow, advocateIds: string[], _excluded: string[], _now: Date): Promise<PickVerdict[]> {
  if (advocateIds.length === 0) return [];
  const rows = await tx
    .select({ advocate: advocates, referenceStatus: accounts.referenceStatus })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(inArray(advocates.id, advocateIds));
  const byId = new Map(rows.map((r) => [r.advocate.id, r]));
  return advocateIds.map((id): PickVerdict => {
    const row = byId.get(id);
    if (!row) return { ok: false, advocateId: id, name: 'Unknown advocate', failures: [{ rule: 'exists', label: 'no such advocate' }] };
    const name = `${row.advocate.firstName} ${row.advocate.lastName}`;
    const failures: PickFailure[] = [];
    if (row.advocate.status !== 'active') failures.push({ rule: 'active', label: `not active (${row.advocate.status})` });
    if (row.advocate.willingness[request.activityTypeKey] === 'no') failures.push({ rule: 'willing', label: 'not willing to do this kind of activity' });
    if (row.referenceStatus !== 'referenceable') failures.push({ rule: 'account_referenceable', label: `the account is ${row.referenceStatus.replace('_', ' ')}` });
    if (failures.length > 0) return { ok: false, advocateId: id, name, failures };
    return { ok: true, advocateId: id, accountId: row.advocate.accountId, name, score: 0, factors: [], lastUsedOn: null };
  });
}
