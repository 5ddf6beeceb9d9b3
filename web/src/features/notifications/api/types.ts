/** `GET /api/notifications`: one in-app notice for the signed-in person. */
export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** Where the notice leads in the app, or null. */
  link: string | null;
  requestId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** `GET /api/me/notification-preferences`: one message Vouch sends and whether the person gets it. */
export interface NotificationPreference {
  kind: string;
  label: string;
  description: string;
  required: boolean;
  enabled: boolean;
}
