import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { hasRole } from '@domain/roles';
import { useForm } from '@mantine/form';
import { useCurrentUser } from '@/features/auth/api/session';
import { FormAlert } from '@/shared/forms/FormAlert';
import { NumberField } from '@/shared/forms/NumberField';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { notifySuccess } from '@/shared/ui/notify';
import { useLogThankYou } from '../../api/activities';
import { THANK_YOU_KIND_VALUES, type RequestCandidate, type ThankYouKind } from '../../api/types';

const KIND_LABELS: Record<ThankYouKind, string> = {
  note: 'A thank-you note',
  gift: 'A gift',
  donation: 'A donation in their name',
  points: 'Points',
};

interface ThankYouValues {
  kind: ThankYouKind;
  note: string;
  points: number | string;
}

/** Logs how the advocate was thanked (note, gift, donation, points): who and when are recorded. */
export function ThankYouModal({ candidate, onClose }: { candidate: RequestCandidate | null; onClose: () => void }) {
  const thank = useLogThankYou();
  // Points come from the program team's budget: only admins give them.
  const isAdmin = hasRole(useCurrentUser().roles, 'admin');
  const kinds = THANK_YOU_KIND_VALUES.filter((kind) => kind !== 'points' || isAdmin);
  const form = useForm<ThankYouValues>({
    initialValues: { kind: 'note', note: '', points: 50 },
    validate: {
      points: (value, values) => (values.kind === 'points' && !(Number(value) > 0) ? 'Give a number of points above 0' : null),
      note: (value, values) => (values.kind !== 'points' && value.trim() === '' ? 'Say what you sent or wrote' : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);
  const close = () => {
    form.reset();
    clearProblem();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const activityId = candidate?.activity?.id;
    if (!activityId) return;
    thank.mutate(
      {
        activityId,
        input: {
          kind: values.kind,
          note: values.note.trim() || null,
          ...(values.kind === 'points' ? { points: Math.round(Number(values.points)) } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(`Your thank-you to ${candidate?.advocate.name ?? 'the advocate'} is logged.`, 'Thank-you logged');
          close();
        },
        onError: handleError,
      },
    );
  });
  return (
    <Modal opened={candidate !== null} onClose={close} title={candidate ? `Thank ${candidate.advocate.name}` : ''} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert problem={problem} />
          <Select
            label="How"
            data={kinds.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
          />
          {form.getValues().kind === 'points' && (
            <NumberField label="Points" min={1} step={1} inputMode="numeric" {...form.getInputProps('points')} />
          )}
          <Textarea label="Note" autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={thank.isPending}>
              Log thank-you
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
