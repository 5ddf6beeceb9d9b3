import { Badge, Group, Stack, Switch, Text } from '@mantine/core';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { notifyError } from '@/shared/ui/notify';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { SectionCard } from '@/shared/ui/SectionCard';
import { useNotificationPreferences, useUpdateNotificationPreferences } from '../api/preferences';
import type { NotificationPreference } from '../api/types';

function PreferenceRow({ preference, pending, onChange }: { preference: NotificationPreference; pending: boolean; onChange: (enabled: boolean) => void }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <Switch
        checked={preference.enabled}
        disabled={preference.required || pending}
        onChange={(event) => onChange(event.currentTarget.checked)}
        label={preference.label}
        description={preference.description}
      />
      {preference.required && (
        <Badge variant="light" color="gray" tt="none" style={{ flex: 'none' }}>
          Always sent
        </Badge>
      )}
    </Group>
  );
}

/** `/settings/notifications`: turn optional messages off or on; required ones are always sent. */
export function NotificationPreferencesPage() {
  const query = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  const optional = query.data?.filter((p) => !p.required) ?? [];
  const required = query.data?.filter((p) => p.required) ?? [];

  const onChange = (preference: NotificationPreference, enabled: boolean) =>
    update.mutate({ [preference.kind]: enabled }, { onError: (error) => notifyError(error, 'Your choice was not saved') });

  return (
    <>
      <PageHeader
        title="Notification settings"
        description="Choose which optional messages you get, by e-mail and in the app. Messages that carry the process (approvals, answers, dates, debriefs) are always sent."
      />
      {query.isPending && <CenteredLoader label="Loading your settings" />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && (
        <Stack gap="lg" maw={760}>
          <SectionCard title="Optional messages">
            <Stack gap="md">
              {optional.map((preference) => (
                <PreferenceRow key={preference.kind} preference={preference} pending={update.isPending} onChange={(enabled) => onChange(preference, enabled)} />
              ))}
            </Stack>
          </SectionCard>
          <SectionCard title="Always sent">
            <Text size="sm" c="dimmed" mb="md">
              These keep requests moving, so everyone who has a part in them gets them.
            </Text>
            <Stack gap="md">
              {required.map((preference) => (
                <PreferenceRow key={preference.kind} preference={preference} pending={false} onChange={() => undefined} />
              ))}
            </Stack>
          </SectionCard>
        </Stack>
      )}
    </>
  );
}
