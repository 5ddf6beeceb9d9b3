import { eq } from 'drizzle-orm';
import { advocateAskTokens, requestCandidates } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { conflict, invalidInput, notFound } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { answeredAskLink, resolveAskToken } from './ask-tokens.js';
import { loadAskContext } from './ask-context.js';
import { notePlanB } from './note-plan-b.js';
import { notifyRequester } from './notify-requester.js';
import { transitionCandidate, type CandidateTransitionResult } from './transition-candidate.js';

export type AskAnswer =
  | { kind: 'accept' }
  | { kind: 'decline'; reason: string }
  | { kind: 'propose_dates'; dates: { startsAt: string; note?: string }[]; note?: string | null };

const TRANSITION = { accept: 'advocate_accept', decline: 'advocate_decline', propose_dates: 'advocate_propose_dates' } as const;

/**
 * The advocate's answer through their signed link, once: the link is locked, the candidate
 * moved by the shared transition (party: the advocate; nobody else can take this step), the
 * link marked answered and the requester told what to do next, in one transaction.
 */
export async function answerAsk(deps: ServiceDeps, token: string, answer: AskAnswer): Promise<CandidateTransitionResult> {
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    if (answer.kind === 'propose_dates') {
      const past = answer.dates.flatMap((d, i) => (Date.parse(d.startsAt) <= now.getTime() ? [{ field: `dates.${i}.startsAt`, reason: 'is in the past' }] : []));
      if (past.length > 0) throw invalidInput(past);
    }
    const link = await resolveAskToken(tx, token, now, { forUpdate: true });
    if (link.answeredAt) throw answeredAskLink();
    const [candidate] = await tx.select({ status: requestCandidates.status }).from(requestCandidates).where(eq(requestCandidates.id, link.candidateId));
    if (!candidate) throw notFound('This link');
    if (candidate.status !== 'advocate_pending') {
      throw conflict('This ask is closed: the request no longer waits for your answer. Thank you all the same.');
    }
    const policy = await getProgramPolicy(tx);
    const reason = answer.kind === 'decline' ? answer.reason : answer.kind === 'propose_dates' ? (answer.note ?? null) : null;
    const result = await transitionCandidate(tx, now, policy, {
      candidateId: link.candidateId,
      transition: TRANSITION[answer.kind],
      parties: ['advocate'],
      actor: null,
      actorKind: 'advocate',
      reason,
      set: answer.kind === 'propose_dates' ? { proposedDates: answer.dates } : undefined,
    });
    await tx.update(advocateAskTokens).set({ answeredAt: now }).where(eq(advocateAskTokens.id, link.id));
    await notePlanB(tx, result, policy, now);
    const ask = await loadAskContext(tx, link.candidateId);
    const who = `${ask.advocate.firstName} ${ask.advocate.lastName} (${ask.accountName})`;
    const notices = {
      accept: { headline: `${who} accepted`, paragraphs: [`${who} accepted to help. Their contact details are now on the request page: agree a time and record it there to send the calendar invitation.`] },
      decline: { headline: `${who} declined`, paragraphs: [`${who} declined: “${reason ?? ''}”.`, 'The request is back in matching where needed: pick another advocate, or the program team proposes one.'] },
      propose_dates: {
        headline: `${who} proposed other dates`,
        paragraphs: [`${who} would help, on other dates: ${answer.kind === 'propose_dates' ? answer.dates.map((d) => d.startsAt).join(', ') : ''}.`, 'Accept one of them on the request page.'],
      },
    };
    await notifyRequester(deps, tx, result.request, { kind: `request.advocate_${answer.kind}`, ...notices[answer.kind], candidateId: link.candidateId });
    return result;
  });
}
