import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ReasonModal } from '@/features/requests/components/ReasonModal';
import { errorMessage } from '@/shared/api/apiError';
import { formatDateTime } from '@/shared/format/dates';
import { notifySuccess } from '@/shared/ui/notify';
import { useApproveProfileChange, useRejectProfileChange } from '../api/profileChanges';
import type { ProfileChangeDetail } from '../api/types';
import { ProfileChangeDiff } from './ProfileChangeDiff';
import { STATUS_COLORS, STATUS_LABELS } from './statusLabels';

/** One proposal: its diff, and for admins while it waits, approve (all or some fields) or reject. Render with `key={change.id}`. */
export function ProfileChangeReview({ change, onDecided }: { change: ProfileChangeDetail; onDecided?: (id: string) => void }) {
  const headingId = useId();
  const approve = useApproveProfileChange();
  const reject = useRejectProfileChange();
  const [selected, setSelected] = useState<string[]>(() => change.diff.map((d) => d.field));
  const [note, setNote] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const partial = selected.length < change.diff.length;
  const flagged = change.diff.filter((d) => d.changedSinceProposal).length;

  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} fz="h3" id={headingId}>
              {change.advocate.name}
            </Title>
            <Text size="sm" c="dimmed">
              {change.advocate.title ?? 'No title'} at {change.account.name} · proposed {formatDateTime(change.submittedAt)} ·{' '}
              <Anchor component={Link} to={`/advocates/${change.advocate.id}`} size="sm" underline="always">
                Open the profile
              </Anchor>
            </Text>
          </Stack>
          <Badge color={STATUS_COLORS[change.status]} variant="light">
            {STATUS_LABELS[change.status]}
          </Badge>
        </Group>
        {flagged > 0 && change.status === 'pending' && (
          <Alert color="orange" variant="light" title="Changed since the advocate proposed">
            {flagged === 1 ? 'One field was' : `${flagged} fields were`} edited after the proposal. Compare “Before” with “Now”: approving replaces “Now” with the proposed value.
          </Alert>
        )}
        <ProfileChangeDiff diff={change.diff} selected={change.canDecide ? selected : undefined} onSelectedChange={change.canDecide ? setSelected : undefined} />
        {change.status !== 'pending' && (
          <Text size="sm">
            {STATUS_LABELS[change.status]}
            {change.decidedBy ? ` by ${change.decidedBy.name}` : ''}
            {change.decidedAt ? ` on ${formatDateTime(change.decidedAt)}` : ''}.{change.decisionNote ? ` Note: “${change.decisionNote}”` : ''}
          </Text>
        )}
        {change.canDecide && (
          <Stack gap="sm">
            <Textarea label="Note to the advocate (optional)" autosize minRows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
            {approve.isError && (
              <Text role="alert" c="red" size="sm">
                {errorMessage(approve.error)}
              </Text>
            )}
            <Group gap="sm">
              <Button
                disabled={selected.length === 0}
                loading={approve.isPending}
                onClick={() =>
                  approve.mutate(
                    { id: change.id, fields: partial ? selected : undefined, note: note.trim() || null },
                    {
                      onSuccess: () => {
                        notifySuccess(`${change.advocate.name}’s profile is updated and they were told.`, 'Approved');
                        onDecided?.(change.id);
                      },
                    },
                  )
                }
              >
                {partial ? `Approve ${selected.length} of ${change.diff.length} fields` : 'Approve'}
              </Button>
              <Button variant="default" color="red" onClick={() => setRejecting(true)}>
                Reject
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
      <ReasonModal
        opened={rejecting}
        title={`Reject ${change.advocate.name}’s changes?`}
        intro="The profile stays as it is. The advocate reads your note in an e-mail and on their page."
        label="Note to the advocate"
        placeholder="Please keep the job title as it appears on your company’s website."
        confirmLabel="Reject"
        danger
        pending={reject.isPending}
        error={reject.error}
        onClose={() => {
          reject.reset();
          setRejecting(false);
        }}
        onConfirm={(reason) =>
          reject.mutate(
            { id: change.id, note: reason },
            {
              onSuccess: () => {
                notifySuccess('The advocate was told.', 'Rejected');
                setRejecting(false);
                onDecided?.(change.id);
              },
            },
          )
        }
      />
    </Paper>
  );
}
