import { TEAM_LABELS, type Team } from '@domain/roles';
import { Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, formatDay } from '@/shared/format/dates';
import { MetaList, type MetaItem } from '@/shared/ui/MetaList';
import type { PortalAsk } from '../api/types';
import { PortalAnswerPanel } from './PortalAnswerPanel';

const STATUS: Partial<Record<PortalAsk['status'], { label: string; color: string }>> = {
  advocate_pending: { label: 'Waiting for your answer', color: 'blue' },
  dates_proposed: { label: 'You proposed dates', color: 'grape' },
  accepted: { label: 'You said yes', color: 'green' },
  scheduled: { label: 'Scheduled', color: 'teal' },
};

/** One ask: who asks, for what, by when, which topics, and the answer (when it waits for one). */
export function PortalAskCard({ ask, orgName }: { ask: PortalAsk; orgName: string }) {
  const prospect = [ask.prospect.name, ask.prospect.industry, ask.prospect.country].filter(Boolean).join(' · ');
  const team = TEAM_LABELS[ask.requester.team as Team] ?? ask.requester.team;
  const items: MetaItem[] = [
    { label: 'What', value: ask.activityLabel },
    { label: 'Needed by', value: formatDay(ask.neededBy) },
    { label: 'Who asks', value: `${ask.requester.name} (${team}, ${orgName})` },
    { label: prospect ? 'With' : 'For', value: prospect || ask.purpose || '—' },
  ];
  if (ask.topics.length > 0) items.push({ label: 'They would like to hear about', value: ask.topics.join(', ') });
  if (ask.proposedDates.length > 0) items.push({ label: 'Dates you proposed', value: ask.proposedDates.map((d) => formatDateTime(d.startsAt)).join(', ') });
  if (ask.scheduledAt) items.push({ label: 'When', value: formatDateTime(ask.scheduledAt) });
  const status = STATUS[ask.status];
  const pending = ask.status === 'advocate_pending';
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="article" aria-label={`${ask.activityLabel} for ${ask.requester.name}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} fz="h4">
            {ask.activityLabel}
            {ask.context ? ` with ${ask.context}` : ''}
          </Title>
          {status && (
            <Badge color={status.color} variant="light">
              {status.label}
            </Badge>
          )}
        </Group>
        <MetaList items={items} />
        {pending && (
          <>
            {ask.answerBy && (
              <Text size="xs" c="dimmed">
                Please answer by {formatDateTime(ask.answerBy)}. Your contact details are shared with {ask.requester.name} only if you say yes.
              </Text>
            )}
            <Divider />
            <PortalAnswerPanel candidateId={ask.candidateId} requesterName={ask.requester.name} label={ask.activityLabel.toLowerCase()} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
