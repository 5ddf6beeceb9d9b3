import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { advocateAskTokens, requestCandidates } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { meetingStartProblem } from '../../domain/requests/meeting-dates.js';
import { conflict, gone, invalidInput, notFound } from '../errors.js';
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

/** Proposed dates must lie ahead, within the scheduling horizon. */
function checkAnswer(answer: AskAnswer, now: Date): void {
  if (answer.kind !== 'propose_dates') return;
  // The same horizon as scheduling, so any date an advocate proposes can be taken.
  const problems = answer.dates.flatMap((d, i) => {
    const reason = meetingStartProblem(now, new Date(d.startsAt), 'proposed');
    return reason ? [{ field: `dates.${i}.startsAt`, reason }] : [];
  });
  if (problems.length > 0) throw invalidInput(problems);
}

/**
 * The advocate's answer through their signed link, once: the link is locked, then the shared
 * answer below runs, in one transaction.
 */
export async function answerAsk(deps: ServiceDeps, token: string, answer: AskAnswer): Promise<CandidateTransitionResult> {
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    checkAnswer(answer, now);
    const link = await resolveAskToken(tx, token, now, { forUpdate: true });
    if (link.answeredAt) throw answeredAskLink();
    return answerCandidateAsk(deps, tx, link.candidateId, answer, now);
  });
}

/**
 * The advocate's answer to an ask, by candidate id, once the caller has checked who is
 * answering (the signed link, or the advocate's portal session and the portal policy): the
 * candidate moved by the shared transition (party: the advocate; nobody else can take this
 * step), every link of the ask marked answered and the requester told what to do next, in the
 * caller's transaction.
 */
export async function answerCandidateAsk(deps: ServiceDeps, tx: Tx, candidateId: string, answer: AskAnswer, now: Date): Promise<CandidateTransitionResult> {
  checkAnswer(answer, now);
  const [candidate] = await tx.select({ status: requestCandidates.status, askExpiresAt: requestCandidates.askExpiresAt }).from(requestCandidates).where(eq(requestCandidates.id, candidateId));
  if (!candidate) throw notFound('The ask');
  if (candidate.status !== 'advocate_pending') {
    throw conflict('This ask is closed: the request no longer waits for your answer. Thank you all the same.');
  }
  if (candidate.askExpiresAt && candidate.askExpiresAt.getTime() <= now.getTime()) {
    throw gone('This ask has expired. Ask your contact at the company if you still want to help.');
  }
  const policy = await getProgramPolicy(tx);
  const reason = answer.kind === 'decline' ? answer.reason : answer.kind === 'propose_dates' ? (answer.note ?? null) : null;
  const result = await transitionCandidate(tx, now, policy, {
    candidateId,
    transition: TRANSITION[answer.kind],
    parties: ['advocate'],
    actor: null,
    actorKind: 'advocate',
    reason,
    set: answer.kind === 'propose_dates' ? { proposedDates: answer.dates } : undefined,
  });
  await tx.update(advocateAskTokens).set({ answeredAt: now }).where(and(eq(advocateAskTokens.candidateId, candidateId), isNull(advocateAskTokens.answeredAt)));
  await notePlanB(tx, result, policy, now);
  const ask = await loadAskContext(tx, candidateId);
  const who = `${ask.advocate.firstName} ${ask.advocate.lastName} (${ask.accountName})`;
  const notices = {
    accept: { headline: `${who} accepted`, paragraphs: [`${who} accepted to help. Their contact details are now on the request page: agree a time and record it there to send the calendar invitation.`] },
    decline: { headline: `${who} declined`, paragraphs: [`${who} declined: “${reason ?? ''}”.`, 'The request is back in matching where needed: pick another advocate, or the program team proposes one.'] },
    propose_dates: {
      headline: `${who} proposed other dates`,
      paragraphs: [`${who} would help, on other dates: ${answer.kind === 'propose_dates' ? answer.dates.map((d) => d.startsAt).join(', ') : ''}.`, 'Accept one of them on the request page.'],
    },
  };
  await notifyRequester(deps, tx, result.request, { kind: `request.advocate_${answer.kind}`, ...notices[answer.kind], candidateId });
  return result;
}
