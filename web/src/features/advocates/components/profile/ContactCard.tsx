import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconEye, IconLock, IconMail, IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage } from '@/shared/api/apiError';
import { SectionCard } from '@/shared/ui/SectionCard';
import { useRevealContact } from '../../api/advocates';
import type { Advocate } from '../../api/types';

function OnFile({ icon, has, what }: { icon: ReactNode; has: boolean; what: string }) {
  return (
    <Group gap={8} wrap="nowrap">
      {icon}
      <Text size="sm" c={has ? undefined : 'dimmed'}>
        {has ? `${what} on file` : `No ${what.toLowerCase()} on file`}
      </Text>
    </Group>
  );
}

/**
 * Contact details are protected: the profile only says whether they exist. Admins and the
 * account's owner can reveal them, and every reveal is recorded.
 */
export function ContactCard({ advocate }: { advocate: Advocate }) {
  const reveal = useRevealContact(advocate.id);
  const { contact } = advocate;
  const revealed = reveal.data;
  const nothing = !contact.hasEmail && !contact.hasPhone;

  return (
    <SectionCard title="Contact">
      {revealed ? (
        <Stack gap={6} aria-live="polite">
          <Group gap={8} wrap="nowrap">
            <IconMail size={16} aria-hidden />
            {revealed.email ? (
              <Anchor href={`mailto:${revealed.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {revealed.email}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                No e-mail on file
              </Text>
            )}
          </Group>
          <Group gap={8} wrap="nowrap">
            <IconPhone size={16} aria-hidden />
            {revealed.phone ? (
              <Anchor href={`tel:${revealed.phone.replace(/[^+\d]/g, '')}`} size="sm">
                {revealed.phone}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                No phone on file
              </Text>
            )}
          </Group>
          <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => reveal.reset()}>
            Hide contact details
          </Button>
        </Stack>
      ) : (
        <Stack gap={6}>
          <OnFile icon={<IconMail size={16} aria-hidden />} has={contact.hasEmail} what="E-mail" />
          <OnFile icon={<IconPhone size={16} aria-hidden />} has={contact.hasPhone} what="Phone" />
        </Stack>
      )}
      {contact.canReveal && !revealed && !nothing && (
        <Button
          variant="light"
          leftSection={<IconEye size={16} aria-hidden />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          w="fit-content"
        >
          Show contact details
        </Button>
      )}
      {contact.canReveal && !nothing && (
        <Group gap={6} wrap="nowrap">
          <IconLock size={14} aria-hidden />
          <Text size="xs" c="dimmed">
            Your access is recorded.
          </Text>
        </Group>
      )}
      {!contact.canReveal && (
        <Text size="xs" c="dimmed">
          Contact details are shared through an approved reference request, so the account&apos;s owner always knows.
        </Text>
      )}
      {reveal.isError && (
        <Alert color="red" variant="light" role="alert" p="sm">
          {errorMessage(reveal.error)}
        </Alert>
      )}
    </SectionCard>
  );
}
