import { Text, Timeline } from '@mantine/core';
import { formatDateTime } from '@/shared/format/dates';
import type { RequestCandidate, TimelineEvent } from '../api/types';
import { timelineLabel } from '../lib/labels';

function actorName(event: TimelineEvent): string {
  if (event.actor.kind === 'system') return 'Vouch';
  if (event.actor.kind === 'advocate') return event.actor.name ?? 'The advocate';
  return event.actor.name ?? 'Someone';
}

/** Every transition and note on the request, oldest first. */
export function RequestTimeline({ events, candidates }: { events: TimelineEvent[]; candidates: RequestCandidate[] }) {
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened yet.
      </Text>
    );
  }
  const names = new Map(candidates.map((candidate) => [candidate.id, candidate.advocate.name]));
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length - 1}>
      {events.map((event) => {
        const about = event.candidateId ? names.get(event.candidateId) : undefined;
        return (
          <Timeline.Item key={event.id} title={`${timelineLabel(event.kind, event.toStatus)}${about ? `: ${about}` : ''}`}>
            <Text size="xs" c="dimmed">
              {actorName(event)} · <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </Text>
            {event.reason && (
              <Text size="sm" mt={2}>
                “{event.reason}”
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
