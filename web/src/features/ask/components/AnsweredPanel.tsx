import { Alert, List, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { formatDateTime } from '@/shared/format/dates';
import type { AdvocateAsk } from '../api/types';

/** What the advocate answered (or why no answer is needed any more). */
export function AnsweredPanel({ ask }: { ask: AdvocateAsk }) {
  switch (ask.status) {
    case 'accepted':
      return (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Thank you: you said yes" role="status">
          {ask.requester.name} now has your contact details and will get in touch to agree a time.
        </Alert>
      );
    case 'happened':
    case 'did_not_happen':
      return (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Thank you for your help" role="status">
          {ask.status === 'happened'
            ? `The conversation took place${ask.scheduledAt ? ` on ${formatDateTime(ask.scheduledAt)}` : ''}.`
            : 'The conversation did not take place in the end; thank you for being ready to help.'}
        </Alert>
      );
    case 'scheduled':
      return (
        <Alert color="teal" variant="light" icon={<IconCalendarEvent aria-hidden />} title="You said yes" role="status">
          {ask.scheduledAt
            ? `The conversation is set for ${formatDateTime(ask.scheduledAt)}${ask.durationMinutes ? ` (${ask.durationMinutes} minutes)` : ''}.`
            : `${ask.requester.name} will get in touch to agree a time.`}
        </Alert>
      );
    case 'dates_proposed':
      return (
        <Alert color="blue" variant="light" icon={<IconCalendarEvent aria-hidden />} title="Thank you: you offered other dates" role="status">
          <Stack gap={4}>
            <List size="sm">
              {ask.proposedDates.map((date) => (
                <List.Item key={date.startsAt}>{formatDateTime(date.startsAt)}</List.Item>
              ))}
            </List>
            <Text size="sm">{ask.requester.name} will confirm one of them.</Text>
          </Stack>
        </Alert>
      );
    case 'advocate_declined':
      return (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title="You declined this time" role="status">
          Thank you for letting us know{ask.reason ? `: “${ask.reason}”` : ''}. We will not ask you about this request again.
        </Alert>
      );
    default:
      return (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title="No answer needed any more" role="status">
          This request has moved on, so there is nothing for you to do. Thank you all the same.
        </Alert>
      );
  }
}
