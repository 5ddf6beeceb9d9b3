import { Alert, Button, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { FormAlert } from '@/shared/forms/FormAlert';
import { notifySuccess } from '@/shared/ui/notify';
import { useAcceptProposedDate, useScheduleCandidate } from '../../api/candidates';
import type { RequestCandidate } from '../../api/types';
import { browserTimeZone } from '../../lib/labels';
import { formatInZone, isoToZonedLocal, timeZoneOptions, zonedLocalToIso } from '../../lib/timeZones';

const DURATIONS = [15, 20, 30, 45, 60, 90, 120].map((minutes) => ({ value: String(minutes), label: `${minutes} minutes` }));

/** Taking a proposed date: the server's word on `startsAt` belongs to the list of dates. */
const ACCEPT_ALIASES = { startsAt: 'proposed' } as const;

interface ScheduleValues {
  startsAt: string;
  proposed: string;
  timeZone: string;
  durationMinutes: string;
  meetingDetails: string;
}

interface ScheduleModalProps {
  requestId: string;
  candidate: RequestCandidate | null;
  /** `accept`: take one of the dates the advocate proposed. */
  mode: 'schedule' | 'accept';
  onClose: () => void;
}

function initialValues(candidate: RequestCandidate | null): ScheduleValues {
  const timeZone = browserTimeZone();
  return {
    startsAt: candidate?.scheduledAt ? isoToZonedLocal(candidate.scheduledAt, timeZone) : '',
    proposed: candidate?.proposedDates[0]?.startsAt ?? '',
    timeZone,
    durationMinutes: String(candidate?.durationMinutes ?? 30),
    meetingDetails: candidate?.meetingDetails ?? '',
  };
}

/** Records when the conversation happens (date, time, time zone, length, how to join). */
export function ScheduleModal({ requestId, candidate, mode, onClose }: ScheduleModalProps) {
  const schedule = useScheduleCandidate(requestId);
  const accept = useAcceptProposedDate(requestId);
  const form = useForm<ScheduleValues>({
    initialValues: initialValues(candidate),
    validate: {
      startsAt: (value, values) =>
        mode === 'schedule' && !zonedLocalToIso(value, values.timeZone) ? 'Choose the date and time' : null,
      proposed: (value) => (mode === 'accept' && !value ? 'Choose one of the proposed dates' : null),
      timeZone: (value) => (value ? null : 'Choose a time zone'),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form, mode === 'accept' ? ACCEPT_ALIASES : undefined);

  useEffect(() => {
    if (candidate) {
      form.setValues(initialValues(candidate));
      form.resetDirty();
      clearProblem();
    }
    // Reset only when another candidate is opened.
  }, [candidate?.id, mode]);

  const submit = form.onSubmit((values) => {
    if (!candidate) return;
    clearProblem();
    const common = {
      durationMinutes: Number(values.durationMinutes),
      timeZone: values.timeZone,
      meetingDetails: values.meetingDetails.trim() || null,
    };
    const onSuccess = () => {
      notifySuccess('Download the invitation and send it to the prospect and the advocate.', 'Scheduled');
      onClose();
    };
    if (mode === 'accept') {
      accept.mutate({ candidateId: candidate.id, input: { ...common, startsAt: values.proposed } }, { onSuccess, onError: handleError });
    } else {
      const startsAt = zonedLocalToIso(values.startsAt, values.timeZone) ?? '';
      schedule.mutate({ candidateId: candidate.id, input: { ...common, startsAt } }, { onSuccess, onError: handleError });
    }
  });

  const zones = timeZoneOptions(form.getValues().timeZone);
  return (
    <Modal
      opened={candidate !== null}
      onClose={onClose}
      title={candidate ? `${mode === 'accept' ? 'Accept a proposed date' : 'Schedule'}: ${candidate.advocate.name}` : ''}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert problem={problem} />
          {mode === 'accept' && candidate ? (
            <Radio.Group label="Dates the advocate proposed" withAsterisk {...form.getInputProps('proposed')}>
              <Stack gap="xs" mt="xs">
                {candidate.proposedDates.map((date) => (
                  <Radio
                    key={date.startsAt}
                    value={date.startsAt}
                    label={formatInZone(date.startsAt, form.getValues().timeZone)}
                    description={date.note}
                  />
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            <TextInput type="datetime-local" label="Date and time" withAsterisk data-autofocus {...form.getInputProps('startsAt')} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Time zone"
              data={zones}
              searchable
              limit={50}
              nothingFoundMessage="No such time zone"
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('timeZone')}
            />
            <Select label="Duration" data={DURATIONS} comboboxProps={{ withinPortal: true }} {...form.getInputProps('durationMinutes')} />
          </SimpleGrid>
          <Textarea
            label="Meeting details"
            description="The video link or dial-in, and anything the advocate should prepare"
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('meetingDetails')}
          />
          {mode === 'accept' && (
            <Text size="xs" c="dimmed">
              The advocate already agreed to these dates; accepting one schedules the conversation.
            </Text>
          )}
          {(schedule.isError || accept.isError) && !problem && (
            <Alert color="red" variant="light" role="alert">
              Not saved.
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={schedule.isPending || accept.isPending}>
              {mode === 'accept' ? 'Accept this date' : 'Save the date'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
