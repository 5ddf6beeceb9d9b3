import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconCalendarPlus, IconTrash } from '@tabler/icons-react';
import { formatDay } from '@/shared/format/dates';
import { newRowId, type AdvocateFormValues } from '../../lib/advocateForm';

/** Periods when the advocate cannot help: holidays, busy seasons. */
export function BlackoutsFields({ form }: { form: UseFormReturnType<AdvocateFormValues> }) {
  const { blackouts } = form.getValues();
  return (
    <Stack gap="sm">
      {blackouts.length === 0 && (
        <Text size="sm" c="dimmed">
          No blackout periods: the advocate can be asked any time.
        </Text>
      )}
      {blackouts.map((row, index) => {
        const name = row.startsOn ? `period from ${formatDay(row.startsOn)}` : `period ${index + 1}`;
        return (
          <Group key={row.rowId} gap="sm" align="flex-start" wrap="wrap" role="group" aria-label={`Blackout ${name}`}>
            <TextInput type="date" label="From" w={160} {...form.getInputProps(`blackouts.${index}.startsOn`)} />
            <TextInput type="date" label="Until" w={160} {...form.getInputProps(`blackouts.${index}.endsOn`)} />
            <TextInput
              label="Reason"
              placeholder="Holiday"
              style={{ flex: 1 }}
              miw={160}
              {...form.getInputProps(`blackouts.${index}.reason`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              size="lg"
              aria-label={`Remove the ${name}`}
              onClick={() => form.removeListItem('blackouts', index)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      <Button
        variant="default"
        size="xs"
        w="fit-content"
        leftSection={<IconCalendarPlus size={16} aria-hidden />}
        onClick={() => form.insertListItem('blackouts', { rowId: newRowId(), startsOn: '', endsOn: '', reason: '' })}
      >
        Add a blackout period
      </Button>
    </Stack>
  );
}
