import { z } from 'zod';
import type { NotificationRow } from '../../../db/schema/index.js';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('A notification kind from the catalogue, e.g. request.scheduled'),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('Where the notice leads in the app (a path such as /requests/<id>)'),
    requestId: z.uuid().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export type NotificationView = z.infer<typeof notificationSchema>;

/** Only a path inside the app is a link: never another site, never a script. */
export function appPathOrNull(link: string | null): string | null {
  return link && /^\/(?![/\\])/.test(link) ? link : null;
}

export function presentNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: appPathOrNull(row.link),
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
