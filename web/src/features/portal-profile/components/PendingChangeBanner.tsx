import { Alert, List, Text } from '@mantine/core';
import { IconCircleCheck, IconClockHour4, IconInfoCircle } from '@tabler/icons-react';
import { formatDate } from '@/shared/format/dates';
import type { PortalProfile, ProfileOptions } from '../api/types';
import { describeValue, optionsFor } from '../lib/profileForm';

/** What waits for the program team's review, or their latest answer. */
export function PendingChangeBanner({ profile, options }: { profile: PortalProfile; options?: ProfileOptions }) {
  const pending = profile.pendingChange;
  if (pending) {
    return (
      <Alert color="indigo" variant="light" icon={<IconClockHour4 aria-hidden />} title="Your changes wait for the program team’s review">
        <Text size="sm" mb="xs">
          Sent on {formatDate(pending.submittedAt)}. Your profile shows the current values until the team approves them; you will get an e-mail.
          Proposing again replaces these changes.
        </Text>
        <List size="sm" spacing={4}>
          {pending.fields.map((f) => (
            <List.Item key={f.field}>
              <Text span fw={600} size="sm">
                {f.label}:
              </Text>{' '}
              {describeValue(f.before, optionsFor(f.field, options))} → {describeValue(f.proposed, optionsFor(f.field, options))}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const decision = profile.lastDecision;
  if (!decision) return null;
  const approved = decision.status === 'approved';
  return (
    <Alert
      color={approved ? 'teal' : 'orange'}
      variant="light"
      icon={approved ? <IconCircleCheck aria-hidden /> : <IconInfoCircle aria-hidden />}
      title={approved ? 'The program team accepted your last changes' : 'The program team did not take your last changes'}
    >
      <Text size="sm">
        {decision.decidedAt ? `Decided on ${formatDate(decision.decidedAt)}.` : null} {decision.note ? `Their note: “${decision.note}”` : null}
      </Text>
    </Alert>
  );
}
