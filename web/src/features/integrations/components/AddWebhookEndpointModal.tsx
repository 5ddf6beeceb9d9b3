import { Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation } from '@/shared/forms/validators';
import { notifySuccess } from '@/shared/ui/notify';
import { TEAM_OPTIONS } from '@/shared/ui/roleOptions';
import { useCreateWebhookEndpoint, type ProgramEventKind, type WebhookKind } from '../api/webhook-endpoints';

interface AddWebhookEndpointModalProps {
  opened: boolean;
  onClose: () => void;
  events: ProgramEventKind[];
}

interface EndpointValues {
  kind: WebhookKind;
  name: string;
  url: string;
  team: string | null;
  events: string[];
}

const URL_HINTS: Record<WebhookKind, string> = {
  slack: 'In Slack: Apps → Incoming Webhooks → Add to a channel; the URL starts with https://hooks.slack.com/services/.',
  teams: 'In Teams: the channel’s Workflows → “Post to a channel when a webhook request is received”, or an Incoming Webhook connector; copy its URL.',
};

function AddEndpointForm({ events, onDone }: { events: ProgramEventKind[]; onDone: () => void }) {
  const create = useCreateWebhookEndpoint();
  const form = useForm<EndpointValues>({
    ...liveValidation,
    initialValues: { kind: 'slack', name: '', url: '', team: null, events: [] },
    validate: {
      name: (v: string) => (v.trim() === '' ? 'Give it a name, like “#references”' : null),
      url: (v: string) => (/^https?:\/\/\S+$/.test(v.trim()) ? null : 'Paste the webhook URL, starting with https://'),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    clearProblem();
    create.mutate(
      { kind: values.kind, name: values.name.trim(), url: values.url.trim(), team: values.team, events: values.events },
      {
        onSuccess: (endpoint) => {
          notifySuccess(`Send a test to check that “${endpoint.name}” receives messages.`, 'Endpoint added');
          onDone();
        },
        onError: handleError,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert problem={problem} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="webhook-kind-label">
            Service
          </Text>
          <SegmentedControl
            aria-labelledby="webhook-kind-label"
            data={[
              { value: 'slack', label: 'Slack' },
              { value: 'teams', label: 'Microsoft Teams' },
            ]}
            {...form.getInputProps('kind')}
          />
        </Stack>
        <TextInput label="Name" placeholder="#customer-references" data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="Webhook URL"
          description={`${URL_HINTS[form.values.kind]} It is kept secret: Vouch shows only its host and last characters.`}
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('url')}
        />
        <Select
          label="Team"
          description="Only requests from this team; leave empty for every team."
          placeholder="Every team"
          data={TEAM_OPTIONS}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('team')}
        />
        <MultiSelect
          label="Events"
          description="Leave empty to receive every program event."
          placeholder={form.values.events.length === 0 ? 'Every program event' : undefined}
          data={events.map((e) => ({ value: e.kind, label: e.label }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('events')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add endpoint
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Connect a Slack or Teams channel to the program's events. */
export function AddWebhookEndpointModal({ opened, onClose, events }: AddWebhookEndpointModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a Slack or Teams channel" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {opened && <AddEndpointForm events={events} onDone={onClose} />}
    </Modal>
  );
}
