import { useMutation } from '@tanstack/react-query';
import { api, apiRequest } from '@/shared/api/client';
import { requestPath, useRequestEffects } from './requests';
import type { RequestDetail, RevealedCandidateContact, ScheduleInput, ScheduledCandidate } from './types';

export const candidatePath = (requestId: string, candidateId: string) =>
  `${requestPath(requestId)}/candidates/${encodeURIComponent(candidateId)}`;

/** The .ics invitation of a scheduled candidate (a plain link: the browser downloads it). */
export function invitationUrl(requestId: string, candidateId: string): string {
  return `${candidatePath(requestId, candidateId)}/invitation.ics`;
}

/** A candidate transition answered with the request as it now stands. */
function useCandidateAction<Input>(requestId: string, action: string, body: (input: Input) => unknown) {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: ({ candidateId, input }: { candidateId: string; input: Input }) =>
      api.post<RequestDetail>(`${candidatePath(requestId, candidateId)}/${action}`, body(input)),
    onSuccess: (request) => onChanged(request),
  });
}

/** Scheduling answers with the candidate alone: the request page reloads. */
function useSchedulingAction<Input>(requestId: string, action: string) {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: ({ candidateId, input }: { candidateId: string; input: Input }) =>
      api.post<ScheduledCandidate>(`${candidatePath(requestId, candidateId)}/${action}`, input),
    onSuccess: () => onChanged(),
  });
}

export function useApproveCandidate(requestId: string) {
  return useCandidateAction<{ reason?: string | null }>(requestId, 'approve', (input) => input);
}

export function useDeclineCandidate(requestId: string) {
  return useCandidateAction<{ reason: string }>(requestId, 'decline', (input) => input);
}

export function useWithdrawCandidate(requestId: string) {
  return useCandidateAction<{ reason: string }>(requestId, 'withdraw', (input) => input);
}

export function useMarkNoAnswer(requestId: string) {
  return useCandidateAction<{ reason?: string }>(requestId, 'no-answer', (input) => input);
}

export function useScheduleCandidate(requestId: string) {
  return useSchedulingAction<ScheduleInput>(requestId, 'schedule');
}

export function useAcceptProposedDate(requestId: string) {
  return useSchedulingAction<ScheduleInput>(requestId, 'accept-proposed-date');
}

/**
 * The advocate's e-mail and phone for this request: only once the owner and the advocate said
 * yes; the server records every call. Not cached: shown while the card is open.
 */
export function useRevealCandidateContact(requestId: string, candidateId: string) {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: () => apiRequest<RevealedCandidateContact>(`${candidatePath(requestId, candidateId)}/contact`),
    // The reveal is on the timeline.
    onSuccess: () => onChanged(),
  });
}
