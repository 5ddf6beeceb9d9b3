import { ActionIcon, Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { latestMeetingStart } from '@domain/requests/meeting-dates';
import { IconCalendarPlus, IconCheck, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '@/shared/api/apiError';
import { isoToLocalInput, localInputToIso } from '@/shared/format/dates';
import { useAnswerAsk } from '../api/ask';

type Mode = 'choose' | 'decline' | 'propose';

const MAX_DATES = 5;

/** Accept in one click, decline with a reason, or offer other dates (in the advocate's own time zone). */
export function AnswerPanel({ token, requesterName }: { token: string; requesterName: string }) {
  const answer = useAnswerAsk(token);
  const [mode, setMode] = useState<Mode>('choose');
  const [reason, setReason] = useState('');
  const [dates, setDates] = useState<string[]>(['']);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const isoDates = dates.map(localInputToIso).filter((value): value is string => value !== null);

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
            placeholder="Too busy this quarter."
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
            <Button variant="default" onClick={() => setMode('choose')}>
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
          if (isoDates.length > 0) {
            answer.mutate({ kind: 'propose', input: { dates: isoDates.map((startsAt) => ({ startsAt })), note: note.trim() || null } });
          }
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
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={2}
                  aria-label={`Remove option ${index + 1}`}
                  onClick={() => setDates((current) => current.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
          {dates.length < MAX_DATES && (
            <Button
              variant="default"
              size="xs"
              w="fit-content"
              leftSection={<IconCalendarPlus size={16} aria-hidden />}
              onClick={() => setDates((current) => [...current, ''])}
            >
              Add another time
            </Button>
          )}
          <Textarea
            label="Note (optional)"
            placeholder="Mornings work best for me."
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {error}
          <Group gap="sm">
            <Button type="submit" loading={answer.isPending}>
              Send these dates
            </Button>
            <Button variant="default" onClick={() => setMode('choose')}>
              Back
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <Stack gap="md">
      <Text fw={600}>Will you help?</Text>
      <Group gap="sm">
        <Button
          size="md"
          leftSection={<IconCheck size={18} aria-hidden />}
          loading={answer.isPending}
          onClick={() => answer.mutate({ kind: 'accept' })}
        >
          Yes, I’ll help
        </Button>
        <Button
          size="md"
          variant="default"
          leftSection={<IconCalendarPlus size={18} aria-hidden />}
          onClick={() => {
            setTried(false);
            setMode('propose');
          }}
        >
          Propose other dates
        </Button>
        <Button
          size="md"
          variant="subtle"
          color="red"
          leftSection={<IconX size={18} aria-hidden />}
          onClick={() => {
            setTried(false);
            setMode('decline');
          }}
        >
          No, not this time
        </Button>
      </Group>
      {error}
    </Stack>
  );
}
