import { Stack } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '@/shared/api/apiError';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { useRedoActivity } from '../api/activities';
import { useApproveCandidate, useDeclineCandidate, useMarkNoAnswer, useWithdrawCandidate } from '../api/candidates';
import type { RequestCandidate, RequestDetail } from '../api/types';
import { requestReference } from '../lib/labels';
import { CandidateCard, type CandidateDialogAction } from './candidate/CandidateCard';
import { DebriefModal } from './candidate/DebriefModal';
import { RedoModal } from './candidate/RedoModal';
import { ScheduleModal } from './candidate/ScheduleModal';
import { ThankYouModal } from './candidate/ThankYouModal';
import { ReasonModal } from './ReasonModal';

type Dialog = { action: CandidateDialogAction; candidate: RequestCandidate } | null;

/** The request's candidates, each with what the viewer may do; dialogs for the actions that need input. */
export function CandidatesSection({ request }: { request: RequestDetail }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [redoActivityId, setRedoActivityId] = useState<string | null>(null);
  const [running, setRunning] = useState<{ id: string; action: CandidateDialogAction } | null>(null);
  const approve = useApproveCandidate(request.id);
  const decline = useDeclineCandidate(request.id);
  const withdraw = useWithdrawCandidate(request.id);
  const noAnswer = useMarkNoAnswer(request.id);
  const redo = useRedoActivity();
  const close = () => setDialog(null);
  const opened = (action: CandidateDialogAction) => (dialog?.action === action ? dialog.candidate : null);

  const onAction = (candidate: RequestCandidate, action: CandidateDialogAction) => {
    const done = { onSettled: () => setRunning(null) };
    if (action === 'approve') {
      setRunning({ id: candidate.id, action });
      approve.mutate(
        { candidateId: candidate.id, input: {} },
        {
          ...done,
          onSuccess: () => notifySuccess(`${candidate.advocate.name} is asked now, by a private link.`, 'Approved'),
          onError: (error) => notifyError(error, 'Not approved'),
        },
      );
    } else if (action === 'no_answer') {
      setRunning({ id: candidate.id, action });
      noAnswer.mutate(
        { candidateId: candidate.id, input: {} },
        {
          ...done,
          onSuccess: () => notifySuccess('The request is back in matching for plan B.', 'Marked as no answer'),
          onError: (error) => notifyError(error),
        },
      );
    } else if (action === 'redo') {
      const activityId = candidate.activity?.id;
      if (!activityId) return;
      setRunning({ id: candidate.id, action });
      redo.mutate(
        { activityId, input: {} },
        {
          ...done,
          onSuccess: ({ request: created }) => {
            notifySuccess('Same criteria; matching has started again.', `Redo ${requestReference(created.number)} opened`);
            navigate(`/requests/${created.id}`);
          },
          onError: (error) => {
            // The original date has passed: ask for a new one.
            if (error instanceof ApiError && error.fieldErrors['neededBy']) setRedoActivityId(activityId);
            else notifyError(error, 'No redo');
          },
        },
      );
    } else {
      setDialog({ action, candidate });
    }
  };

  const declining = opened('decline');
  const withdrawing = opened('withdraw');

  return (
    <>
      {request.candidates.length === 0 ? (
        <EmptyHint
          icon={<IconUserSearch aria-hidden />}
          title="No candidates yet"
          description={
            request.allowedActions.includes('pick_candidates')
              ? 'Use “Pick candidates…” above to choose whom to ask from the ranked matches.'
              : request.allowedActions.includes('propose_candidates')
                ? 'Use “Propose candidates…” above: each account’s owner approves first.'
                : request.status === 'blocked' || request.status === 'draft'
                  ? 'Candidates are found once the request passes the readiness check.'
                  : 'The program team is choosing candidates; you are told when someone says yes.'
          }
        />
      ) : (
        <Stack gap="sm">
          {request.candidates.map((candidate) => (
            <CandidateCard
              key={candidate.id}
              requestId={request.id}
              candidate={candidate}
              onAction={onAction}
              pendingAction={running?.id === candidate.id ? running.action : null}
            />
          ))}
        </Stack>
      )}
      <ReasonModal
        opened={declining !== null}
        title={declining ? `Decline asking ${declining.advocate.name}?` : ''}
        intro="The requester sees your reason, and matching looks for someone else."
        label="Reason"
        placeholder="A renewal negotiation is under way with this account."
        confirmLabel="Decline"
        danger
        pending={decline.isPending}
        error={decline.error}
        onClose={close}
        onConfirm={(reason) =>
          declining &&
          decline.mutate(
            { candidateId: declining.id, input: { reason } },
            {
              onSuccess: () => {
                notifySuccess('The requester was told.', 'Declined');
                close();
              },
            },
          )
        }
      />
      <ReasonModal
        opened={withdrawing !== null}
        title={withdrawing ? `Withdraw ${withdrawing.advocate.name}?` : ''}
        intro="Their booked time is released and anyone waiting on them is told."
        label="Reason"
        confirmLabel="Withdraw"
        danger
        pending={withdraw.isPending}
        error={withdraw.error}
        onClose={close}
        onConfirm={(reason) =>
          withdrawing &&
          withdraw.mutate(
            { candidateId: withdrawing.id, input: { reason } },
            {
              onSuccess: () => {
                notifySuccess('Candidate withdrawn.');
                close();
              },
            },
          )
        }
      />
      <ScheduleModal
        requestId={request.id}
        candidate={opened('schedule') ?? opened('accept_proposed_date')}
        mode={dialog?.action === 'accept_proposed_date' ? 'accept' : 'schedule'}
        onClose={close}
      />
      <DebriefModal candidate={opened('debrief')} onClose={close} />
      <ThankYouModal candidate={opened('thank_you')} onClose={close} />
      <RedoModal activityId={redoActivityId} onClose={() => setRedoActivityId(null)} />
    </>
  );
}
