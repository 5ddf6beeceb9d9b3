import { and, eq, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accounts, advocates, type ReferenceRequestRow } from '../../db/schema/index.js';

export interface RequestMatch {
  advocateId: string;
  accountId: string;
  score: number;
  name: string;
  title: string | null;
  accountName: string;
  factors: { factor: string; label: string; contribution: number; detail: string }[];
  lastUsedOn: string | null;
}

export interface RequestMatches {
  candidates: RequestMatch[];
  passingCount: number;
  relaxations: { kind: string; label: string; extraCandidates: number; suggestion: string }[];
}

/**
 * The ranked matches for a request as it stands, leaving out the advocates already tried.
 * Interim: active advocates at referenceable accounts, until matching lands.
 */
export async function findMatches(tx: Tx, request: ReferenceRequestRow, excludeAdvocateIds: string[], _needed: number, _now: Date): Promise<RequestMatches> {
  const rows = await tx
    .select({ advocate: advocates, accountName: accounts.name })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(and(eq(advocates.status, 'active'), eq(accounts.referenceStatus, 'referenceable'), excludeAdvocateIds.length ? notInArray(advocates.id, excludeAdvocateIds) : undefined))
    .limit(20);
  const candidates = rows
    .filter((r) => r.advocate.willingness[request.activityTypeKey] !== 'no')
    .map((r) => ({
      advocateId: r.advocate.id,
      accountId: r.advocate.accountId,
      score: 0,
      name: `${r.advocate.firstName} ${r.advocate.lastName}`,
      title: r.advocate.title,
      accountName: r.accountName,
      factors: [],
      lastUsedOn: null,
    }));
  return { candidates, passingCount: candidates.length, relaxations: [] };
}
