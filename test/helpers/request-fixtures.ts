import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { advocates, opportunities, outboxMessages, programPolicies, type AdvocateRow, type OpportunityRow } from '../../src/db/schema/index.js';
import { businessDateAfter } from '../../src/domain/requests/business-days.js';
import { DEFAULT_PROGRAM_POLICY, type ProgramPolicy } from '../../src/domain/requests/program-policy.js';
import type { Role } from '../../src/domain/roles.js';
import type { ApiClient, TestApp } from './app.js';
import { createAccount, createUser, TEST_PASSWORD } from './factories.js';

/** Fixtures for the request loop: opportunities, active advocates, program policies and the cast of people. */

export async function createOpportunity(db: Db, ownerUserId: string, overrides: Partial<typeof opportunities.$inferInsert> = {}): Promise<OpportunityRow> {
  const [row] = await db
    .insert(opportunities)
    .values({
      name: `Deal ${randomBytes(3).toString('hex')}`,
      prospectName: `Prospect ${randomBytes(3).toString('hex')}`,
      prospectIndustryKey: 'banking',
      prospectEmployeeCount: 2000,
      prospectCountry: 'FR',
      stageKey: 'proposal',
      ownerUserId,
      decisionMakerBuyIn: true,
      technicalApproval: true,
      budgetConfirmed: true,
      finalist: true,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('factory insert failed');
  return row;
}

export async function createActiveAdvocate(db: Db, accountId: string, overrides: Partial<typeof advocates.$inferInsert> = {}): Promise<AdvocateRow> {
  const suffix = randomBytes(4).toString('hex');
  const [row] = await db
    .insert(advocates)
    .values({
      accountId,
      firstName: 'Ada',
      lastName: `Lovelace ${suffix}`,
      email: `ada-${suffix}@customer.example`,
      phone: '+33 1 23 45 67 89',
      title: 'VP Data',
      status: 'active',
      willingness: { reference_call: 'yes', case_study: 'yes', site_visit: 'yes' },
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('factory insert failed');
  return row;
}

/** Stores program policies over the defaults (e.g. no rest period, a small cap). */
export async function setProgramPolicy(db: Db, changes: Partial<ProgramPolicy>): Promise<void> {
  const policies = { ...DEFAULT_PROGRAM_POLICY, ...changes } as unknown as Record<string, unknown>;
  const [existing] = await db.select().from(programPolicies).where(eq(programPolicies.id, 1));
  if (existing) await db.update(programPolicies).set({ policies }).where(eq(programPolicies.id, 1));
  else await db.insert(programPolicies).values({ id: 1, policies });
}

/** A date `days` business days from the app's clock. */
export const businessDaysFromNow = (t: TestApp, days: number) => businessDateAfter(t.clock.now(), days);

export interface Person {
  client: ApiClient;
  id: string;
}

export async function signIn(t: TestApp, roles: Role[], team: 'sales' | 'product_marketing' | 'customer_success' = 'sales'): Promise<Person> {
  const user = await createUser(t.deps.db, { roles, team });
  const client = t.client();
  const res = await client.signIn(user.email, TEST_PASSWORD);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return { client, id: user.id };
}

/**
 * The cast of the request loop: a seller, the relationship owner of the advocate's account, the
 * owner of another account, another seller, marketing, an executive and an admin.
 */
export interface Cast {
  seller: Person;
  otherSeller: Person;
  owner: Person;
  otherOwner: Person;
  marketing: Person;
  exec: Person;
  admin: Person;
  accountId: string;
  otherAccountId: string;
}

export async function createCast(t: TestApp): Promise<Cast> {
  const [seller, otherSeller, owner, otherOwner, marketing, exec, admin] = await Promise.all([
    signIn(t, ['sales']),
    signIn(t, ['sales']),
    signIn(t, ['owner'], 'customer_success'),
    signIn(t, ['owner'], 'customer_success'),
    signIn(t, ['marketing'], 'product_marketing'),
    signIn(t, ['exec']),
    signIn(t, ['admin']),
  ]);
  // Roomy account caps: a test file books many uses; the cap tests set their own.
  const account = await createAccount(t.deps.db, { ownerUserId: owner.id, usageCap: 1000 });
  const otherAccount = await createAccount(t.deps.db, { ownerUserId: otherOwner.id, usageCap: 1000 });
  return { seller, otherSeller, owner, otherOwner, marketing, exec, admin, accountId: account.id, otherAccountId: otherAccount.id };
}

/** The request and candidate shapes the request-loop tests read. */
export interface CandidateJson {
  id: string;
  status: string;
  advocate: { id: string; name: string };
  approver: { id: string } | null;
  approvalDueAt: string | null;
  overdue: boolean;
  allowedActions: string[];
  activity: { status: string } | null;
}
export interface RequestJson {
  id: string;
  status: string;
  candidates: CandidateJson[];
  timeline: { kind: string; reason: string | null; candidateId: string | null }[];
  allowedActions: string[];
}

export const candidateUrl = (request: { id: string }, candidate: { id: string } | undefined, step: string) =>
  `/api/requests/${request.id}/candidates/${candidate!.id}/${step}`;

/** The seller's submitted reference call on a fresh ready deal, with these picks (an internal note the advocate must never see). */
export async function submitCall(t: TestApp, cast: Cast, picks: string[] = [], referencesNeeded = 1): Promise<RequestJson> {
  const deal = await createOpportunity(t.deps.db, cast.seller.id);
  const res = await cast.seller.client.post('/api/requests', {
    opportunityId: deal.id,
    activityTypeKey: 'reference_call',
    neededBy: businessDaysFromNow(t, 10),
    referencesNeeded,
    topicKeys: ['security'],
    note: 'Internal: deal worth 2M, competitor is Initech',
    submit: true,
    pickedAdvocateIds: picks,
  });
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.body}`);
  return res.json<RequestJson>();
}

/** The token of the ask e-mail written to the outbox for a candidate. */
export async function askTokenFor(t: TestApp, candidateId: string): Promise<string> {
  const [message] = await t.deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.kind, 'advocate.ask'), sql`${outboxMessages.payload} ->> 'candidateId' = ${candidateId}`));
  const token = /ask#token=([A-Za-z0-9_-]+)/.exec(message?.bodyText ?? '')?.[1];
  if (!token) throw new Error('no ask e-mail in the outbox');
  return token;
}

/** A seller's request with one picked advocate, approved by the account's owner: the advocate's link is out. */
export async function approvedCandidate(t: TestApp, cast: Cast): Promise<{ request: RequestJson; candidate: CandidateJson; token: string; advocate: AdvocateRow }> {
  const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
  const request = await submitCall(t, cast, [advocate.id]);
  const candidate = request.candidates[0]!;
  const res = await cast.owner.client.post(candidateUrl(request, candidate, 'approve'), {});
  if (res.statusCode !== 200) throw new Error(`approve failed: ${res.body}`);
  return { request, candidate, token: await askTokenFor(t, candidate.id), advocate };
}
