import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { usePortalAsks } from '../api/portal';
import { PortalAskCard } from '../components/PortalAskCard';
import { usePortalContext } from '../components/PortalLayout';

/** `/portal`: the advocate's asks, those waiting for an answer first. */
export function PortalHomePage() {
  const { me } = usePortalContext();
  const asks = usePortalAsks();
  const pending = asks.data?.items.filter((a) => a.status === 'advocate_pending') ?? [];
  const others = asks.data?.items.filter((a) => a.status !== 'advocate_pending') ?? [];
  const withdrawn = me.advocate.status === 'withdrawn';

  return (
    <>
      <PageHeader title={`Hello ${me.advocate.firstName}`} description={`Thank you for vouching for ${me.organization.name}. Here is what you are asked to help with.`} />
      {withdrawn && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title="You have withdrawn from the program" mb="lg">
          We no longer ask you to help. You can still see your impact here. To come back, contact the program team.
        </Alert>
      )}
      {asks.isPending && <CenteredLoader label="Loading your asks" />}
      {asks.isError && <QueryError error={asks.error} onRetry={() => void asks.refetch()} />}
      {asks.data && (
        <Stack gap="xl">
          <Stack gap="md" component="section" aria-labelledby="pending-asks">
            <Title order={2} fz="h3" id="pending-asks">
              Waiting for your answer
            </Title>
            {pending.length === 0 ? (
              <Text c="dimmed" size="sm">
                Nothing is waiting for your answer right now. We will e-mail you when someone asks.
              </Text>
            ) : ( pending.map((ask) => <PortalAskCard key={ask.candidateId} ask={ask} orgName={me.organization.name} />)
            )}
          </Stack>
          {others.length > 0 && (
            <Stack gap="md" component="section" aria-labelledby="other-asks">
              <Title order={2} fz="h3" id="other-asks">
                Coming up
              </Title>
              <Text size="sm" c="dimmed">
                The people who asked will be in touch to agree on the details.
              </Text>
              {others.map((ask) => (
                <PortalAskCard key={ask.candidateId} ask={ask} orgName={me.organization.name} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </>
  );
}
