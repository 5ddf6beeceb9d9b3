import { TEAM_LABELS, type Team } from '@domain/roles';
import { Stack, Text } from '@mantine/core';
import { formatDateTime, formatDay } from '@/shared/format/dates';
import { MetaList, type MetaItem } from '@/shared/ui/MetaList';
import type { AdvocateAsk } from '../api/types';

function teamLabel(team: string): string {
  return TEAM_LABELS[team as Team] ?? team;
}

/** Who asks, for what, by when: everything the advocate needs to decide, on one page. */
export function AskDetails({ ask }: { ask: AdvocateAsk }) {
  const prospect = [ask.prospect.name, ask.prospect.industry, ask.prospect.country].filter(Boolean).join(' · ');
  const items: MetaItem[] = [
    { label: 'What', value: ask.activityLabel },
    { label: 'Needed by', value: formatDay(ask.neededBy) },
    { label: 'Who asks', value: `${ask.requester.name} (${teamLabel(ask.requester.team)}, ${ask.orgName})` },
    { label: prospect ? 'With' : 'For', value: prospect || ask.purpose || '—' },
  ];
  if (ask.topics.length > 0) items.push({ label: 'They would like to hear about', value: ask.topics.join(', ') });
  if (ask.approverName) items.push({ label: 'Approved by', value: `${ask.approverName}, who looks after ${ask.accountName}` });
  return (
    <Stack gap="md">
      <Text>Hi {ask.advocateFirstName},</Text>
      <Text>
        {ask.requester.name} at {ask.orgName} asks whether you would take part in a {ask.activityLabel.toLowerCase()}
        {ask.context ? ` with ${ask.context}` : ''}, by {formatDay(ask.neededBy)}.
      </Text>
      <MetaList items={items} />
      {ask.state === 'open' && (
        <Text size="xs" c="dimmed">
          Please answer by {formatDateTime(ask.expiresAt)}. Your contact details are shared with {ask.requester.name} only if you say yes.
        </Text>
      )}
    </Stack>
  );
}
