import { notifyError } from '@/shared/ui/notify';
import { useMarkNotificationRead } from '../api/notifications';
import type { Notification } from '../api/types';

/** What opening a notice does: mark it read (the link itself navigates). */
export function useOpenNotification(after?: () => void) {
  const markRead = useMarkNotificationRead();
  return (notification: Notification) => {
    if (notification.readAt === null) {
      markRead.mutate(notification.id, { onError: (error) => notifyError(error, "Couldn't mark it read") });
    }
    after?.();
  };
}
