import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconRefresh, IconSend, IconUserPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { useOverrideReadiness, useRematchRequest, useSubmitRequest } from '../api/requests';
import type { RequestDetail } from '../api/types';
import { REQUEST_STATUS_LABELS } from '../lib/labels';
import { CancelRequestModal } from './CancelRequestModal';
import { CandidatePickerModal } from './CandidatePickerModal';
import { ReasonModal } from './ReasonModal';

/** The request-level actions the API allows the viewer now (allowedActions). */
export function RequestActions({ request }: { request: RequestDetail }) {
  const allowed = new Set(request.allowedActions);
  const submit = useSubmitRequest(request.id);
  const override = useOverrideReadiness(request.id);
  const rematch = useRematchRequest(request.id);
  const [cancelling, cancel] = useDisclosure(false);
  const [overriding, overrideModal] = useDisclosure(false);
  const [params] = useSearchParams();
  // The program queue's "Propose…" opens the picker at once (`?action=propose`).
  const canPick = allowed.has('pick_candidates') || allowed.has('propose_candidates');
  const [picking, picker] = useDisclosure(canPick && params.get('action') === 'propose');
  const pickMode = allowed.has('propose_candidates') ? 'propose' : 'pick';

  return (
    <Group gap="xs">
      {allowed.has('edit') && (
        <Button component={Link} to={`/requests/${request.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
          Change…
        </Button>
      )}
      {allowed.has('submit') && (
        <Button
          leftSection={<IconSend size={16} aria-hidden />}
          loading={submit.isPending}
          onClick={() =>
            submit.mutate(
              {},
              {
                onSuccess: (saved) =>
                  notifySuccess(
                    saved.status === 'blocked' ? 'Still not ready: see what is missing.' : 'Matching has started.',
                    REQUEST_STATUS_LABELS[saved.status],
                  ),
                onError: (error) => notifyError(error, 'Not submitted'),
              },
            )
          }
        >
          {request.status === 'blocked' ? 'Submit again' : 'Submit'}
        </Button>
      )}
      {allowed.has('override_readiness') && (
        <Button variant="light" color="orange" onClick={overrideModal.open}>
          Override readiness…
        </Button>
      )}
      {canPick && (
        <Button variant="light" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={picker.open}>
          {pickMode === 'propose' ? 'Propose candidates…' : 'Pick candidates…'}
        </Button>
      )}
      {allowed.has('rematch') && (
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={rematch.isPending}
          onClick={() =>
            rematch.mutate(
              {},
              {
                onSuccess: (result) =>
                  notifySuccess(
                    `${result.matches.passingCount} advocates pass every rule now.`,
                    'Matching run again',
                  ),
                onError: (error) => notifyError(error, 'Matching did not run'),
              },
            )
          }
        >
          Re-match
        </Button>
      )}
      {allowed.has('cancel') && (
        <Button variant="subtle" color="red" onClick={cancel.open}>
          Cancel request…
        </Button>
      )}
      <CancelRequestModal requestId={request.id} opened={cancelling} onClose={cancel.close} />
      <ReasonModal
        opened={overriding}
        title="Let this request through the readiness check?"
        intro="The request goes to matching although the deal does not meet the rules. Your reason is recorded and audited."
        label="Why it should go ahead"
        placeholder="The CIO asked for a peer call before the steering committee."
        confirmLabel="Override and match"
        pending={override.isPending}
        error={override.error}
        onClose={overrideModal.close}
        onConfirm={(reason) =>
          override.mutate(
            { reason },
            {
              onSuccess: () => {
                notifySuccess('Matching has started.', 'Readiness overridden');
                overrideModal.close();
              },
            },
          )
        }
      />
      {canPick && (
        <CandidatePickerModal request={request} opened={picking} mode={pickMode} onClose={picker.close} />
      )}
    </Group>
  );
}
