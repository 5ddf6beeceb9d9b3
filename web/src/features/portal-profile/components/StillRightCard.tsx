import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { formatDate } from '@/shared/format/dates';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { useProposeProfileChange } from '../api/portalProfile';
import type { PortalProfile } from '../api/types';
import { FRESHNESS_WORDS } from '../lib/profileForm';

/** "My profile is still right": the re-verification the check-up e-mail asks for, in one click. */
export function StillRightCard({ profile, onEdit }: { profile: PortalProfile; onEdit: () => void }) {
  const headingId = useId();
  const confirm = useProposeProfileChange();
  const checked = profile.lastVerifiedAt ? `Last checked on ${formatDate(profile.lastVerifiedAt)}.` : 'Not checked yet.';
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} fz="h4" id={headingId}>
          Is your profile still right?
        </Title>
        <Text size="sm">
          {FRESHNESS_WORDS[profile.freshness]}. {checked} We only ask you for conversations that fit what you do today.
        </Text>
        <Group gap="sm">
          <Button
            loading={confirm.isPending}
            onClick={() =>
              confirm.mutate(
                {},
                {
                  onSuccess: () => notifySuccess('Thank you: your profile is marked as checked today.', 'Profile confirmed'),
                  onError: (error) => notifyError(error, 'Not confirmed'),
                },
              )
            }
          >
            Yes, it is still right
          </Button>
          <Button variant="default" onClick={onEdit}>
            Something changed
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
