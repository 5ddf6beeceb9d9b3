import { Button, SimpleGrid, Stack } from '@mantine/core';
import { IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useWebhookEndpoints } from '../api/webhook-endpoints';
import { AddWebhookEndpointModal } from '../components/AddWebhookEndpointModal';
import { WebhookEndpointCard } from '../components/WebhookEndpointCard';

/** Admins connect Slack and Teams channels that hear about program events. */
export function IntegrationsPage() {
  const query = useWebhookEndpoints();
  const [adding, setAdding] = useState(false);
  const endpoints = query.data?.items ?? [];
  const events = query.data?.events ?? [];
  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} disabled={!query.isSuccess}>
      Add a channel
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Integrations"
        description="Slack and Microsoft Teams channels that hear about program events: new requests, escalations, scheduled conversations, wins. Each can follow one team or all of them."
        actions={endpoints.length > 0 ? addButton : undefined}
      />
      <Stack gap="md">
        {query.isPending && <CenteredLoader label="Loading integrations" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && endpoints.length === 0 && (
          <EmptyHint
            icon={<IconPlugConnected aria-hidden />}
            title="No channels connected"
            description="Add a Slack or Teams incoming webhook so the program team sees new requests and wins where they already talk."
            action={addButton}
          />
        )}
        {endpoints.length > 0 && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {endpoints.map((endpoint) => (
              <WebhookEndpointCard key={endpoint.id} endpoint={endpoint} events={events} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <AddWebhookEndpointModal opened={adding} onClose={() => setAdding(false)} events={events} />
    </>
  );
}
