import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconEye, IconLock, IconMail, IconPhone } from '@tabler/icons-react';
import { errorMessage } from '@/shared/api/apiError';
import { useRevealCandidateContact } from '../../api/candidates';

/**
 * The advocate's e-mail and phone, for this request only, once the owner and the advocate said
 * yes. Offered only when the API allows it; each reveal is recorded.
 */
export function RevealContact({ requestId, candidateId, name }: { requestId: string; candidateId: string; name: string }) {
  const reveal = useRevealCandidateContact(requestId, candidateId);
  const contact = reveal.data;
  if (contact) {
    return (
      <Stack gap={4} aria-live="polite" data-testid="revealed-contact">
        <Group gap={8} wrap="nowrap">
          <IconMail size={16} aria-hidden />
          {contact.email ? (
            <Anchor href={`mailto:${contact.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {contact.email}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              No e-mail on file
            </Text>
          )}
        </Group>
        <Group gap={8} wrap="nowrap">
          <IconPhone size={16} aria-hidden />
          {contact.phone ? (
            <Anchor href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`} size="sm">
              {contact.phone}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              No phone on file
            </Text>
          )}
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconEye size={14} aria-hidden />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          aria-label={`Show ${name}'s contact details`}
        >
          Show contact details
        </Button>
        <Group gap={4} wrap="nowrap">
          <IconLock size={12} aria-hidden />
          <Text size="xs" c="dimmed">
            Your access is recorded.
          </Text>
        </Group>
      </Group>
      {reveal.isError && (
        <Alert color="red" variant="light" role="alert" p="xs">
          {errorMessage(reveal.error)}
        </Alert>
      )}
    </Stack>
  );
}
