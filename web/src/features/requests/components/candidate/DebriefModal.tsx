import { Button, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { notifySuccess } from '@/shared/ui/notify';
import { useRequesterDebrief } from '../../api/activities';
import type { RequestCandidate } from '../../api/types';

interface DebriefValues {
  happened: string;
  metNeeds: string;
  buyerIntent: string;
  concerns: string;
}

const SCORES = [
  { value: '1', label: '1 · Not at all' },
  { value: '2', label: '2' },
  { value: '3', label: '3 · Partly' },
  { value: '4', label: '4' },
  { value: '5', label: '5 · Fully' },
];

/** The requester's debrief: did it happen, did it meet the prospect's needs, what it says about the buyer. */
export function DebriefModal({ candidate, onClose }: { candidate: RequestCandidate | null; onClose: () => void }) {
  const debrief = useRequesterDebrief();
  const form = useForm<DebriefValues>({
    initialValues: { happened: '', metNeeds: '', buyerIntent: '', concerns: '' },
    validate: {
      happened: (value) => (value ? null : 'Say whether the conversation took place'),
      metNeeds: (value, values) => (values.happened === 'yes' && !value ? "Rate how well it met the prospect's needs" : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);
  const values = form.getValues();
  const close = () => {
    form.reset();
    clearProblem();
    onClose();
  };

  const submit = form.onSubmit((input) => {
    const activityId = candidate?.activity?.id;
    if (!activityId) return;
    clearProblem();
    const happened = input.happened === 'yes';
    debrief.mutate(
      {
        activityId,
        input: {
          happened,
          metNeeds: happened ? Number(input.metNeeds) : null,
          buyerIntent: input.buyerIntent.trim() || null,
          concerns: input.concerns.trim() || null,
        },
      },
      {
        onSuccess: (result) => {
          notifySuccess(
            result.redoOffered ? 'You can reopen matching with the same criteria in one click: “Redo”.' : 'Thank you: the program learns from every debrief.',
            'Debrief saved',
          );
          close();
        },
        onError: handleError,
      },
    );
  });

  return (
    <Modal opened={candidate !== null} onClose={close} title={candidate ? `Debrief: ${candidate.advocate.name}` : ''} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert problem={problem} />
          <Radio.Group label="Did the conversation take place?" withAsterisk {...form.getInputProps('happened')}>
            <Group gap="lg" mt="xs">
              <Radio value="yes" label="Yes" />
              <Radio value="no" label="No, it did not happen" />
            </Group>
          </Radio.Group>
          {values.happened === 'yes' && (
            <Radio.Group label="Did it meet the prospect's needs?" withAsterisk {...form.getInputProps('metNeeds')}>
              <Group gap="md" mt="xs">
                {SCORES.map((score) => (
                  <Radio key={score.value} value={score.value} label={score.label} />
                ))}
              </Group>
            </Radio.Group>
          )}
          <Textarea
            label="What it tells you about the buyer's intent"
            placeholder="They asked about rollout timelines: a decision is close."
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('buyerIntent')}
          />
          <Textarea
            label="Concerns that linger"
            placeholder="Still unsure about the migration effort."
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('concerns')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={debrief.isPending}>
              Save debrief
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
