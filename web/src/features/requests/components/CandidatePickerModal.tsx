import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '@/shared/api/apiError';
import { notifySuccess } from '@/shared/ui/notify';
import { useMatchPreview } from '../api/preview';
import { useAddCandidates } from '../api/requests';
import type { MatchResult, RequestDetail } from '../api/types';
import { MatchList } from './MatchList';

interface CandidatePickerModalProps {
  request: RequestDetail;
  opened: boolean;
  /** `propose`: the program team proposes; `pick`: the requester picks (seller_picks mode). */
  mode: 'propose' | 'pick';
  onClose: () => void;
}

/** Ranked matches for the request as it stands, without advocates already on it; tick and send. */
export function CandidatePickerModal({ request, opened, mode, onClose }: CandidatePickerModalProps) {
  const [picked, setPicked] = useState<string[]>([]);
  const add = useAddCandidates(request.id);
  const onRequest = new Set(request.candidates.map((candidate) => candidate.advocate.id));
  const matches = useMatchPreview(
    opened
      ? {
          activityTypeKey: request.activityTypeKey,
          neededBy: request.neededBy,
          prospect: request.prospect,
          criteria: request.criteria,
          topicKeys: request.topicKeys,
          opportunityId: request.opportunity?.id ?? null,
          needed: request.referencesNeeded + onRequest.size,
        }
      : null,
  );
  const result: MatchResult | undefined = matches.data && {
    ...matches.data,
    candidates: matches.data.candidates.filter((match) => !onRequest.has(match.advocateId)),
  };
  const close = () => {
    setPicked([]);
    add.reset();
    onClose();
  };
  const send = () =>
    add.mutate(
      { advocateIds: picked },
      {
        onSuccess: () => {
          notifySuccess('Their relationship owners are asked to approve first.', picked.length === 1 ? 'Candidate added' : 'Candidates added');
          close();
        },
      },
    );

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={mode === 'propose' ? 'Propose candidates' : 'Pick whom to ask'}
      size="xl"
      centered
    >
      <Stack gap="md">
        <MatchList
          result={result}
          loading={matches.isFetching}
          error={matches.error}
          needed={request.referencesNeeded}
          picking
          picked={picked}
          onTogglePick={(id, on) => setPicked((current) => (on ? [...current, id] : current.filter((other) => other !== id)))}
        />
        {add.isError && (
          <Alert color="red" variant="light" role="alert" title="Not added">
            {errorMessage(add.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={send} disabled={picked.length === 0} loading={add.isPending}>
            {mode === 'propose' ? 'Propose' : 'Ask'} {picked.length > 0 ? picked.length : ''}{' '}
            {picked.length === 1 ? 'candidate' : 'candidates'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
