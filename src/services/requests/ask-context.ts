import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { accounts, advocates, referenceRequests, requestCandidates, taxonomyValues, users } from '../../db/schema/index.js';
import { TEAM_LABELS } from '../../domain/roles.js';
import { countryFacts } from '../../domain/taxonomy/geography.js';
import { notFound } from '../errors.js';
import { getOrganization } from '../organization/get-organization.js';

/**
 * What the advocate is told about an ask: who asks, for what kind of company, what activity,
 * by when and about which topics. Never the requester's internals (deal size, stage, scores,
 * notes, the other candidates).
 */
export interface AskContext {
  orgName: string;
  color: string;
  advocate: { firstName: string; lastName: string; email: string | null };
  accountName: string;
  requester: { name: string; team: string };
  approverName: string | null;
  activityTypeKey: string;
  activityLabel: string;
  prospect: { name: string | null; industry: string | null; country: string | null };
  purpose: string | null;
  neededBy: string;
  topics: string[];
  /** "Globex, a banking company in France" (or the marketing purpose). */
  context: string;
}

const approver = alias(users, 'approver');

async function labels(db: Executor, facet: 'topic' | 'industry' | 'activity_type', keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ key: taxonomyValues.key, label: taxonomyValues.label })
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, facet), inArray(taxonomyValues.key, keys)));
  return new Map(rows.map((r) => [r.key, r.label]));
}

export async function loadAskContext(db: Executor, candidateId: string): Promise<AskContext> {
  const [row] = await db
    .select({
      advocate: { firstName: advocates.firstName, lastName: advocates.lastName, email: advocates.email },
      accountName: accounts.name,
      requesterName: users.name,
      team: referenceRequests.team,
      approverName: approver.name,
      activityTypeKey: referenceRequests.activityTypeKey,
      prospect: referenceRequests.prospect,
      purpose: referenceRequests.purpose,
      opportunityId: referenceRequests.opportunityId,
      neededBy: referenceRequests.neededBy,
      topicKeys: referenceRequests.topicKeys,
    })
    .from(requestCandidates)
    .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
    .innerJoin(advocates, eq(advocates.id, requestCandidates.advocateId))
    .innerJoin(accounts, eq(accounts.id, requestCandidates.accountId))
    .innerJoin(users, eq(users.id, referenceRequests.requesterUserId))
    .leftJoin(approver, eq(approver.id, requestCandidates.approverUserId))
    .where(eq(requestCandidates.id, candidateId))
    .limit(1);
  if (!row) throw notFound('The ask');
  const org = await getOrganization(db);
  const topicLabels = await labels(db, 'topic', row.topicKeys);
  const industryLabels = await labels(db, 'industry', row.prospect.industryKey ? [row.prospect.industryKey] : []);
  const activityLabels = await labels(db, 'activity_type', [row.activityTypeKey]);
  const industry = row.prospect.industryKey ? (industryLabels.get(row.prospect.industryKey) ?? null) : null;
  const country = row.prospect.country ? (countryFacts(row.prospect.country)?.name ?? row.prospect.country) : null;
  const prospect = { name: row.opportunityId ? (row.prospect.name ?? null) : null, industry, country };
  return {
    orgName: org.name,
    color: org.primaryColor,
    advocate: row.advocate,
    accountName: row.accountName,
    requester: { name: row.requesterName, team: TEAM_LABELS[row.team as keyof typeof TEAM_LABELS] ?? row.team },
    approverName: row.approverName,
    activityTypeKey: row.activityTypeKey,
    activityLabel: activityLabels.get(row.activityTypeKey) ?? row.activityTypeKey,
    prospect,
    purpose: row.opportunityId ? null : row.purpose,
    neededBy: row.neededBy,
    topics: row.topicKeys.map((k) => topicLabels.get(k) ?? k),
    context: describeProspect(prospect, row.opportunityId ? null : row.purpose),
  };
}

function describeProspect(prospect: AskContext['prospect'], purpose: string | null): string {
  if (purpose) return `our ${purpose.toLowerCase().startsWith('for ') ? purpose.slice(4) : purpose}`;
  const kind = prospect.industry ? `a ${prospect.industry.toLowerCase()} company` : 'a company';
  const where = prospect.country ? ` in ${prospect.country}` : '';
  return prospect.name ? `${prospect.name}, ${kind}${where}` : `${kind}${where}`;
}
