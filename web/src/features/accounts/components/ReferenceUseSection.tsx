import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { Account } from '../api/types';
import { REFERENCE_STATUS_HELP } from '../lib/referenceStatus';
import { ReferenceStatusBadge } from './ReferenceStatusBadge';

/** Whether the account can be referenced, why not, who decides, and the cap. */
export function ReferenceUseSection({ account }: { account: Account }) {
  return (
    <SectionCard title="Reference use">
      <Group gap="xs">
        <ReferenceStatusBadge status={account.referenceStatus} />
        <Text size="sm" c="dimmed">
          {REFERENCE_STATUS_HELP[account.referenceStatus]}
        </Text>
      </Group>
      {account.referenceStatus === 'restricted' && (
        <Alert color="orange" variant="light" title="Restriction" p="sm" role="note">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {account.restrictionReason ?? 'No reason recorded: ask the relationship owner before any request.'}
          </Text>
        </Alert>
      )}
      <Stack gap={2}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Relationship owner
        </Text>
        {account.owner ? (
          <Text size="sm">
            {account.owner.name} ·{' '}
            <Anchor href={`mailto:${account.owner.email}`} size="sm" underline="always">
              {account.owner.email}
            </Anchor>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            No owner: requests for this account have nobody to approve them.
          </Text>
        )}
      </Stack>
      <Text size="sm">
        Usage cap: {account.usageCap === null ? 'the program default' : `${account.usageCap} weighted uses per window`}
      </Text>
      {account.notes && (
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Notes
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {account.notes}
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}
