import { addDays, formatISO } from 'date-fns';
import { eq, inArray, sql } from 'drizzle-orm';
import { referenceRequests, users } from '../db/schema/index.js';
import { addBusinessDaysTo } from '../domain/requests/business-days.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { matchCandidates } from '../services/matching/match-candidates.js';
import { createOpportunity } from '../services/opportunities/create-opportunity.js';
import { recordOpportunityOutcome } from '../services/outcomes/record-opportunity-outcome.js';
import { issueAskToken } from '../services/requests/ask-tokens.js';
import { answerAsk } from '../services/requests/answer-ask.js';
import { approveCandidate } from '../services/requests/approve-candidate.js';
import { createRequest } from '../services/requests/create-request.js';
import { scheduleCandidate } from '../services/scheduling/schedule-candidate.js';
import { submitRequesterDebrief } from '../services/debriefs/submit-requester-debrief.js';
import { giveThankYou } from '../services/thank-yous/give-thank-you.js';

/**
 * The request loop of the demo, played through the real use cases on first start so every
 * page has something true to show: a request waiting for its owner's approval, one scheduled
 * next week, one completed, debriefed and thanked on a won deal, one blocked by the readiness
 * gate, and a marketing request waiting in the program queue.
 */
export interface DemoLoopResult {
  requests: number;
}

const allow = () => undefined;
const isoDay = (date: Date) => formatISO(date, { representation: 'date' });

async function actorOf(deps: ServiceDeps, email: string): Promise<Actor> {
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo user ${email} is missing`);
  return { userId: user.id, email: user.email, name: user.name, roles: user.roles, team: user.team, ip: null };
}

const at = (deps: ServiceDeps, date: Date): ServiceDeps => ({ ...deps, now: () => new Date(date) });

interface Scenario {
  name: string;
  prospectName: string;
  prospectIndustryKey: string;
  prospectEmployeeCount: number;
  prospectCountry: string;
  stageKey: string;
  amountUsd: number;
  facts: { decisionMakerBuyIn?: boolean; technicalApproval?: boolean; budgetConfirmed?: boolean; finalist?: boolean };
  topicKeys: string[];
}

const DEALS: Record<'pending' | 'scheduled' | 'won' | 'blocked', Scenario> = {
  pending: { name: 'Clinical analytics rollout', prospectName: 'Northwind Health', prospectIndustryKey: 'hospitals_and_health_systems', prospectEmployeeCount: 4200, prospectCountry: 'US', stageKey: 'evaluation', amountUsd: 240_000, facts: { decisionMakerBuyIn: true }, topicKeys: ['implementation', 'security'] },
  scheduled: { name: 'Risk data platform', prospectName: 'Contoso Bank', prospectIndustryKey: 'banking', prospectEmployeeCount: 18_000, prospectCountry: 'GB', stageKey: 'proposal', amountUsd: 610_000, facts: { decisionMakerBuyIn: true, technicalApproval: true, finalist: true }, topicKeys: ['migration', 'roi'] },
  won: { name: 'Loyalty analytics', prospectName: 'Fabrikam Retail', prospectIndustryKey: 'retail', prospectEmployeeCount: 2600, prospectCountry: 'DE', stageKey: 'negotiation', amountUsd: 180_000, facts: { decisionMakerBuyIn: true, technicalApproval: true, budgetConfirmed: true }, topicKeys: ['user_adoption'] },
  blocked: { name: 'Fleet visibility', prospectName: 'Tailspin Logistics', prospectIndustryKey: 'transportation_and_logistics', prospectEmployeeCount: 900, prospectCountry: 'US', stageKey: 'discovery', amountUsd: 95_000, facts: {}, topicKeys: ['integration'] },
};

export async function seedDemoLoop(deps: ServiceDeps): Promise<DemoLoopResult> {
  const [seller, marketer] = await Promise.all([actorOf(deps, 'sales@demo.vouch.test'), actorOf(deps, 'marketing@demo.vouch.test')]);
  const [adminUser] = await deps.db.select({ email: users.email }).from(users).where(sql`'admin' = any(${users.roles})`).limit(1);
  const admin = await actorOf(deps, adminUser?.email ?? '');
  const now = deps.now();
  const owners = new Map((await deps.db.select().from(users).where(inArray(users.email, ['owner@demo.vouch.test', 'owner2@demo.vouch.test', 'owner3@demo.vouch.test']))).map((u) => [u.id, u]));
  const ownerActor = (userId: string): Actor => {
    const user = owners.get(userId);
    if (!user) throw new Error('demo owner is missing');
    return { userId: user.id, email: user.email, name: user.name, roles: user.roles, team: user.team, ip: null };
  };

  /** An opportunity and a submitted reference call with the best match picked (as a seller would). */
  async function requestCall(scenario: Scenario, when: Date, neededBy: Date) {
    const d = at(deps, when);
    const opportunity = await createOpportunity(d, seller, { ...scenario, ...scenario.facts, productKeys: [], closeDate: isoDay(addDays(now, 45)) }, () => true);
    const prospect = { name: scenario.prospectName, industryKey: scenario.prospectIndustryKey, employeeCount: scenario.prospectEmployeeCount, country: scenario.prospectCountry };
    const input = { activityTypeKey: 'reference_call', neededBy: isoDay(neededBy), prospect, criteria: [], topicKeys: scenario.topicKeys, opportunityId: opportunity.opportunity.id, excludedAccountIds: [], excludeAdvocateIds: [], limit: 20 };
    const matches = await matchCandidates(deps.db, input, { now: when });
    const pick = matches.candidates.find((c) => c.accountOwnerUserId && owners.has(c.accountOwnerUserId));
    const request = await createRequest(d, seller, {
      opportunityId: opportunity.opportunity.id,
      activityTypeKey: 'reference_call',
      neededBy: input.neededBy,
      topicKeys: scenario.topicKeys,
      note: 'They want to hear from a peer who ran the same migration.',
      submit: true,
      pickedAdvocateIds: pick ? [pick.advocateId] : [],
    });
    return { request, opportunity: opportunity.opportunity, pick };
  }

  async function approveAndAccept(when: Date, requestId: string, ownerUserId: string) {
    const [candidate] = await deps.db.query.requestCandidates.findMany({ where: (c, { eq: is }) => is(c.requestId, requestId) });
    if (!candidate) return null;
    await approveCandidate(at(deps, when), ownerActor(ownerUserId), requestId, candidate.id, null);
    const token = await issueAskToken(deps.db, candidate.id, addDays(when, 7), when);
    await answerAsk(at(deps, addDays(when, 1)), token, { kind: 'accept' });
    return candidate;
  }

  // 1. Waiting for the relationship owner's approval.
  await requestCall(DEALS.pending, now, addBusinessDaysTo(now, 8));

  // 2. Approved, accepted and scheduled for next week.
  const started = addDays(now, -6);
  const scheduled = await requestCall(DEALS.scheduled, started, addBusinessDaysTo(now, 6));
  if (scheduled.pick?.accountOwnerUserId) {
    const candidate = await approveAndAccept(addDays(started, 1), scheduled.request.id, scheduled.pick.accountOwnerUserId);
    if (candidate) {
      await scheduleCandidate(deps, seller, { requestId: scheduled.request.id, candidateId: candidate.id }, { startsAt: addBusinessDaysTo(now, 4), durationMinutes: 30, timeZone: 'Europe/London', meetingDetails: 'Video call; the prospect’s CIO and head of risk will join.' });
    }
  }

  // 3. Done: the call happened, met the prospect's needs, the advocate was thanked and the deal won.
  const earlier = addDays(now, -28);
  const won = await requestCall(DEALS.won, earlier, addBusinessDaysTo(earlier, 10));
  if (won.pick?.accountOwnerUserId) {
    const candidate = await approveAndAccept(addDays(earlier, 1), won.request.id, won.pick.accountOwnerUserId);
    if (candidate) {
      const call = await scheduleCandidate(at(deps, addDays(earlier, 3)), seller, { requestId: won.request.id, candidateId: candidate.id }, { startsAt: addDays(now, -12), durationMinutes: 45, timeZone: 'Europe/Berlin', meetingDetails: null });
      if (call.activity) {
        await submitRequesterDebrief(deps, seller, call.activity.id, { happened: true, metNeeds: 5, buyerIntent: 'Ready to sign once legal review ends.', concerns: 'Wants a named contact for the first 90 days.' }, allow);
        await giveThankYou(deps, admin, call.activity.id, { kind: 'points', points: 50, note: 'Thank you for making time for Fabrikam.' }, allow);
      }
      await recordOpportunityOutcome(deps, seller, won.opportunity.id, { outcome: 'won', amountWonUsd: 185_000, closedOn: isoDay(addDays(now, -2)) }, allow);
    }
  }

  // 4. Blocked: too early in the deal for a reference call.
  await requestCall(DEALS.blocked, now, addBusinessDaysTo(now, 10));

  // 5. Marketing: a case study the program team proposes candidates for.
  await createRequest(deps, marketer, {
    activityTypeKey: 'case_study',
    purpose: 'Customer story for the healthcare campaign',
    neededBy: isoDay(addBusinessDaysTo(now, 35)),
    prospect: { industryKey: 'hospitals_and_health_systems', country: 'US' },
    criteria: [{ kind: 'sector', values: ['health_care'], mustHave: true }],
    topicKeys: ['roi', 'user_adoption'],
    submit: true,
  });

  const requests = await deps.db.select({ id: referenceRequests.id }).from(referenceRequests);
  return { requests: requests.length };
}
