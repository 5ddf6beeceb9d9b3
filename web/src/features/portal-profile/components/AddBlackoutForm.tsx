import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { formatDay } from '@/shared/format/dates';
import { notifySuccess } from '@/shared/ui/notify';
import { useAddBlackout } from '../api/portalProfile';

interface BlackoutFormValues {
  startsOn: string;
  endsOn: string;
  reason: string;
}

/** A period the advocate cannot help in: from, to (inclusive) and an optional reason. */
export function AddBlackoutForm({ today }: { today: string }) {
  const form = useForm<BlackoutFormValues>({
    initialValues: { startsOn: '', endsOn: '', reason: '' },
    validate: {
      startsOn: (value) => (!value ? 'Choose the first day' : value < today ? 'Choose today or a later day' : null),
      endsOn: (value, values) => (!value ? 'Choose the last day' : values.startsOn && value < values.startsOn ? 'The last day cannot be before the first' : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);
  const add = useAddBlackout();
  return (
    <form
      noValidate
      aria-label="Add a period you are away"
      onSubmit={form.onSubmit((values) => {
        clearProblem();
        add.mutate(
          { startsOn: values.startsOn, endsOn: values.endsOn, reason: values.reason.trim() || null },
          {
            onSuccess: (row) => {
              notifySuccess(`We will not ask you from ${formatDay(row.startsOn)} to ${formatDay(row.endsOn)}.`, 'Period added');
              form.reset();
            },
            onError: handleError,
          },
        );
      })}
    >
      <Stack gap="sm">
        <FormAlert problem={problem} title="The period was not added" onClose={clearProblem} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput type="date" label="From" min={today} w={170} {...form.getInputProps('startsOn')} />
          <TextInput type="date" label="To (last day)" min={form.values.startsOn || today} w={170} {...form.getInputProps('endsOn')} />
          <TextInput label="Reason (optional)" placeholder="Holiday, busy season…" maxLength={200} style={{ flex: '1 1 200px' }} {...form.getInputProps('reason')} />
        </Group>
        <Group>
          <Button type="submit" loading={add.isPending}>
            Add period
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
