import { z } from 'zod';
import type { NotificationPreference } from '../../../services/notification-preferences/list-notification-preferences.js';

export const notificationPreferenceSchema = z
  .object({
    kind: z.string().describe('A notification kind from the catalogue'),
    label: z.string(),
    description: z.string(),
    required: z.boolean().describe('Required process messages are always sent and cannot be turned off'),
    enabled: z.boolean(),
  })
  .meta({ id: 'NotificationPreference' });

export const notificationPreferencesSchema = z.object({ items: z.array(notificationPreferenceSchema) }).meta({ id: 'NotificationPreferences' });

export type NotificationPreferencesView = z.infer<typeof notificationPreferencesSchema>;

export function presentNotificationPreferences(items: NotificationPreference[]): NotificationPreferencesView {
  return { items: items.map(({ kind, label, description, required, enabled }) => ({ kind, label, description, required, enabled })) };
}
