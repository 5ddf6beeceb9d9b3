import { Alert, Button, Group, List, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconHourglass, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage } from '@/shared/api/apiError';
import { formatDay } from '@/shared/format/dates';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { RequestPreview } from '../api/types';

interface LiveCheckPanelProps {
  preview: RequestPreview | undefined;
  loading: boolean;
  error: unknown;
  /** Nothing to judge yet (no activity or date). */
  idle: boolean;
  onUseEarliestDate: (date: string) => void;
}

function Line({ ok, icon, children }: { ok: boolean; icon?: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <ThemeIcon size="sm" radius="xl" variant="light" color={ok ? 'teal' : 'orange'} aria-hidden>
        {icon ?? (ok ? <IconCircleCheck size={14} /> : <IconAlertTriangle size={14} />)}
      </ThemeIcon>
      <div style={{ flex: 1 }}>{children}</div>
    </Group>
  );
}

/** Ready or blocked, lead time or rush, and how long similar requests took: judged as the form is filled. */
export function LiveCheckPanel({ preview, loading, error, idle, onUseEarliestDate }: LiveCheckPanelProps) {
  return (
    <SectionCard title="Before you submit" actions={loading ? <Loader size="xs" aria-label="Checking" /> : undefined}>
      <Stack gap="md" aria-live="polite" data-testid="live-check">
        {idle && (
          <Text size="sm" c="dimmed">
            Choose the activity and the date: Vouch checks at once whether the deal is ready and the date leaves enough time.
          </Text>
        )}
        {error !== null && error !== undefined && !preview && (
          <Alert color="red" variant="light" role="alert" p="sm">
            {errorMessage(error)}
          </Alert>
        )}
        {preview && !idle && (
          <>
            {preview.readiness.ready ? (
              <Line ok>
                <Text size="sm" fw={600}>
                  Ready for this activity
                </Text>
              </Line>
            ) : (
              <Line ok={false} icon={<IconLock size={14} />}>
                <Text size="sm" fw={600}>
                  Not ready yet: the request will wait as blocked
                </Text>
                <List size="sm" mt={4} spacing={2}>
                  {preview.readiness.gaps.map((gap) => (
                    <List.Item key={gap.message}>{gap.message}</List.Item>
                  ))}
                </List>
                {preview.readiness.meanwhile.length > 0 && (
                  <>
                    <Text size="sm" fw={600} mt="xs">
                      Meanwhile
                    </Text>
                    <List size="sm" spacing={2}>
                      {preview.readiness.meanwhile.map((tip) => (
                        <List.Item key={tip}>{tip}</List.Item>
                      ))}
                    </List>
                  </>
                )}
              </Line>
            )}
            {preview.leadTime.rush ? (
              <Line ok={false} icon={<IconClockHour4 size={14} />}>
                <Text size="sm" fw={600}>
                  Rush: inside the {preview.leadTime.minimumBusinessDays}-business-day lead time
                </Text>
                <Text size="sm">{preview.leadTime.message}</Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  mt={4}
                  onClick={() => onUseEarliestDate(preview.leadTime.earliestDate)}
                >
                  Use {formatDay(preview.leadTime.earliestDate)} instead
                </Button>
              </Line>
            ) : (
              <Line ok icon={<IconClockHour4 size={14} />}>
                <Text size="sm" fw={600}>
                  Lead time respected
                </Text>
                <Text size="sm" c="dimmed">
                  {preview.leadTime.message}
                </Text>
              </Line>
            )}
            <Line ok icon={<IconHourglass size={14} />}>
              <Text size="sm" c={preview.estimate ? undefined : 'dimmed'} data-testid="fulfilment-estimate">
                {preview.estimateMessage}
              </Text>
            </Line>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
