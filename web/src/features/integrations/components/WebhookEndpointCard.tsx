import { Badge, Button, Group, Modal, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconBrandSlack, IconBrandTeams, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { TEAM_LABELS, type Team } from '@domain/roles';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import {
  useDeleteWebhookEndpoint,
  useSendTestWebhook,
  useSetWebhookEndpointEnabled,
  type ProgramEventKind,
  type WebhookEndpoint,
} from '../api/webhook-endpoints';

interface WebhookEndpointCardProps {
  endpoint: WebhookEndpoint;
  events: ProgramEventKind[];
}

function teamLabel(team: string | null): string {
  if (!team) return 'Every team';
  return TEAM_LABELS[team as Team] ?? team;
}

/** One connected channel: where it posts, what it hears, and its test, switch and removal. */
export function WebhookEndpointCard({ endpoint, events }: WebhookEndpointCardProps) {
  const setEnabled = useSetWebhookEndpointEnabled();
  const sendTest = useSendTestWebhook();
  const remove = useDeleteWebhookEndpoint();
  const [confirming, setConfirming] = useState(false);
  const Icon = endpoint.kind === 'slack' ? IconBrandSlack : IconBrandTeams;
  const service = endpoint.kind === 'slack' ? 'Slack' : 'Microsoft Teams';
  const labels = new Map(events.map((e) => [e.kind, e.label]));

  const test = () =>
    sendTest.mutate(endpoint.id, {
      onSuccess: (result) => {
        if (result.delivered) notifySuccess(`${service} accepted the test message. Check the channel.`, 'Test sent');
        else notifyError(new Error(result.error ?? 'No answer'), 'The test did not arrive');
      },
      onError: (error) => notifyError(error, 'Could not send the test'),
    });

  return (
    <Paper withBorder p="md" component="article" aria-label={`${service} endpoint ${endpoint.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs">
            <Icon size={20} aria-hidden />
            <Text fw={600}>{endpoint.name}</Text>
            <Badge variant="light" color="gray">
              {service}
            </Badge>
            {!endpoint.enabled && (
              <Badge variant="light" color="orange">
                Off
              </Badge>
            )}
          </Group>
          <Switch
            label="On"
            checked={endpoint.enabled}
            disabled={setEnabled.isPending}
            onChange={(event) =>
              setEnabled.mutate(
                { id: endpoint.id, enabled: event.currentTarget.checked },
                { onError: (error) => notifyError(error, 'Could not change the endpoint') },
              )
            }
          />
        </Group>
        <Text size="sm" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {endpoint.urlHint}
        </Text>
        <Text size="sm">
          <strong>{teamLabel(endpoint.team)}</strong>
          {' · '}
          {endpoint.events.length === 0 ? 'every program event' : endpoint.events.map((k) => labels.get(k) ?? k).join(', ')}
        </Text>
        <Group gap="sm" mt={4}>
          <Button size="xs" variant="light" leftSection={<IconSend size={14} aria-hidden />} loading={sendTest.isPending} onClick={test}>
            Send a test
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Delete “${endpoint.name}”?`} closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack gap="md">
          <Text size="sm">The channel stops receiving program events. Posts still waiting for it are not sent; the Outbox shows them as given up.</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(endpoint.id, {
                  onSuccess: () => {
                    setConfirming(false);
                    notifySuccess(`“${endpoint.name}” was removed.`);
                  },
                  onError: (error) => notifyError(error, 'Could not delete the endpoint'),
                })
              }
            >
              Delete endpoint
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
