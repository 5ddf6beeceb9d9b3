import { Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '@/shared/format/dates';
import type { Notification } from '../api/types';
import classes from './notifications.module.css';

interface NotificationItemProps {
  notification: Notification;
  /** Called on click, before the app follows the notice's link (mark it read, close a popover). */
  onOpen: (notification: Notification) => void;
}

/** One notice: a link to what it is about (or a button that marks it read when it leads nowhere). */
export function NotificationItem({ notification, onOpen }: NotificationItemProps) {
  const unread = notification.readAt === null;
  const content = (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <span className={`${classes.dot} ${unread ? '' : classes.dotRead}`} aria-hidden />
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={unread ? 700 : 500}>
          {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
          {notification.title}
        </Text>
        {notification.body && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {notification.body}
          </Text>
        )}
        <Text size="xs" c="dimmed" title={formatDateTime(notification.createdAt)}>
          {formatRelative(notification.createdAt)}
        </Text>
      </Stack>
    </Group>
  );
  const className = `${classes.item} ${unread ? classes.unread : ''}`;
  if (notification.link) {
    return (
      <UnstyledButton component={Link} to={notification.link} className={className} onClick={() => onOpen(notification)}>
        {content}
      </UnstyledButton>
    );
  }
  return (
    <UnstyledButton className={className} onClick={() => onOpen(notification)}>
      {content}
    </UnstyledButton>
  );
}
