import { notifications, type NotificationData } from '@mantine/notifications';
import { errorMessage } from '../api/apiError';

/**
 * The close button needs a name of its own; under a title, the message uses the theme's dimmed
 * colour (Mantine's default grey there is below AA contrast).
 */
function show(data: NotificationData): void {
  notifications.show({
    ...data,
    closeButtonProps: { 'aria-label': 'Dismiss notification' },
    styles: data.title ? { description: { color: 'var(--mantine-color-dimmed)' } } : undefined,
  });
}

export function notifySuccess(message: string, title?: string): void {
  show({ color: 'teal', title, message });
}

export function notifyError(error: unknown, title = "That didn't work"): void {
  show({ color: 'red', title, message: errorMessage(error), autoClose: 8000 });
}

export function notifyInfo(message: string, title?: string): void {
  show({ color: 'indigo', title, message });
}
