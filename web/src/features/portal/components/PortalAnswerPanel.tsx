import { ActionIcon, Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { latestMeetingStart } from '@domain/requests/meeting-dates';
import { IconCalendarPlus, IconCheck, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '@/shared/api/apiError';
import { isoToLocalInput, localInputToIso } from '@/shared/format/dates';
import { useAnswerPortalAsk } from '../api/portal';

type Mode = 'choose' | 'decline' | 'propose';

const MAX_DATES = 3;

/** Accept in one click, decline with a reason, or offer up to 3 other dates (as the ask page does). */
export function PortalAnswerPanel({ candidateId, requesterName, label }: { candidateId: string; requesterName: string; label: string }) {
  const answer = useAnswerPortalAsk(candidateId);
  const [mode, setMode] = useState<Mode>('choose');
  const [reason, setReason] = useState('');
  const [dates, setDates] = useState<string[]>(['']);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const isoDates = dates.map(localInputToIso).filter((value): value is string => value !== null);
  const switchTo = (next: Mode) => {
    setTried(false);
    answer.reset();
    setMode(next);
  };

  const error = answer.isError && (
    <Alert color="red" variant="light" role="alert" title="Your answer was not saved">
      {errorMessage(answer.error)}
    </Alert>
  );

  if (mode === 'decline') {
    const missing = reason.trim() === '';
    return (
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!missing) answer.mutate({ kind: 'decline', reason: reason.trim() });
        }}
      >
        <Stack gap="md">
          <Textarea
            label="Why not this time?"
            description={`${requesterName} and the program team will see this; it helps them ask better next time.`}
            autosize
            minRows={2}
            maxLength={2000}
            withAsterisk
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={tried && missing ? 'Give a short reason' : undefined}
            autoFocus
          />
          {error}
          <Group gap="sm">
            <Button type="submit" color="red" loading={answer.isPending}>
              Send my answer: no
            </Button>
            <Button variant="default" onClick={() => switchTo('choose')}>
              Back
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  if (mode === 'propose') {
    return (
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (isoDates.length > 0) answer.mutate({ kind: 'propose', dates: isoDates.map((startsAt) => ({ startsAt })), note: note.trim() || null });
        }}
      >
        <Stack gap="md">
          <Text size="sm">Offer up to {MAX_DATES} times that suit you (in your own time zone).</Text>
          {dates.map((value, index) => (
            <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                type="datetime-local"
                label={`Option ${index + 1}`}
                min={isoToLocalInput(new Date().toISOString())}
                max={isoToLocalInput(latestMeetingStart(new Date()).toISOString())}
                value={value}
                onChange={(event) => {
                  const next = event.currentTarget.value;
                  setDates((current) => current.map((old, i) => (i === index ? next : old)));
                }}
                error={tried && index === 0 && isoDates.length === 0 ? 'Give at least one date and time' : undefined}
                style={{ flex: 1 }}
              />
              {dates.length > 1 && (
                <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={`Remove option ${index + 1}`} onClick={() => setDates((current) => current.filter((_, i) => i !== index))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
          {dates.length < MAX_DATES && (
            <Button variant="default" size="xs" w="fit-content" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setDates((current) => [...current, ''])}>
              Add another time
            </Button>
          )}
          <Textarea label="Note (optional)" autosize minRows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
          {error}
          <Group gap="sm">
            <Button type="submit" loading={answer.isPending}>
              Send these dates
            </Button>
            <Button variant="default" onClick={() => switchTo('choose')}>
              Back
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button leftSection={<IconCheck size={18} aria-hidden />} loading={answer.isPending} onClick={() => answer.mutate({ kind: 'accept' })} aria-label={`Yes, I’ll help with the ${label}`}>
          Yes, I’ll help
        </Button>
        <Button variant="default" leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => switchTo('propose')}>
          Propose other dates
        </Button>
        <Button variant="subtle" color="red" leftSection={<IconX size={18} aria-hidden />} onClick={() => switchTo('decline')}>
          No, not this time
        </Button>
      </Group>
      {error}
    </Stack>
  );
}
