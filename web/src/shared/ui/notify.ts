import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/apiError';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message });
}

export function notifyError(error: unknown, title = "That didn't work"): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 8000 });
}

export function notifyInfo(message: string, title?: string): void {
  notifications.show({ color: 'indigo', title, message });
}
