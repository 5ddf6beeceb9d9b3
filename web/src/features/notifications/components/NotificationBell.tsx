import { ActionIcon, Anchor, Button, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { notifyError } from '@/shared/ui/notify';
import { QueryError } from '@/shared/ui/QueryError';
import { useLatestNotifications, useMarkAllNotificationsRead, useUnreadCount } from '../api/notifications';
import { NotificationItem } from './NotificationItem';
import classes from './notifications.module.css';
import { useOpenNotification } from './useOpenNotification';

export function bellLabel(unread: number): string {
  if (unread === 0) return 'Notifications, none unread';
  return `Notifications, ${unread} unread`;
}

/** The header's bell: the unread count, and a popover with the latest notices. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const headingId = useId();
  const unread = useUnreadCount().data ?? 0;
  const latest = useLatestNotifications(opened);
  const markAll = useMarkAllNotificationsRead();
  const close = () => setOpened(false);
  const open = useOpenNotification(close);

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={bellLabel(unread)} onClick={() => setOpened((o) => !o)}>
          <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={2} color="red.9" aria-hidden>
            <IconBell size={20} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={headingId} p="xs">
        <Group justify="space-between" px="sm" py={4} wrap="nowrap">
          <Text id={headingId} fw={700} size="sm" component="h2" m={0}>
            Notifications
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: (error) => notifyError(error, "Couldn't mark them read") })}
          >
            Mark all read
          </Button>
        </Group>
        {latest.isPending && opened && (
          <Group justify="center" py="md">
            <Loader size="sm" aria-label="Loading notifications" />
          </Group>
        )}
        {latest.isError && <QueryError error={latest.error} onRetry={() => void latest.refetch()} />}
        {latest.isSuccess && latest.data.length === 0 && (
          <Text size="sm" c="dimmed" px="sm" py="md">
            Nothing yet. Vouch tells you here when a request needs you or moves on.
          </Text>
        )}
        {latest.isSuccess && latest.data.length > 0 && (
          <ScrollArea.Autosize mah={420} type="auto">
            <ul className={classes.list} aria-label="Latest notifications">
              {latest.data.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem notification={notification} onOpen={open} />
                </li>
              ))}
            </ul>
          </ScrollArea.Autosize>
        )}
        <Stack gap={0} mt="xs" px="sm" py={4}>
          <Group justify="space-between">
            <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
              See all notifications
            </Anchor>
            <Anchor component={Link} to="/settings/notifications" size="sm" onClick={close}>
              Choose what you get
            </Anchor>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
