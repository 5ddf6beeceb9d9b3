import type { Role, Team } from '@domain/roles';

export type UserStatus = 'active' | 'deactivated';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  team: Team;
  status: UserStatus;
  createdAt: string;
  lastSignInAt: string | null;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  team: Team;
  status: InvitationStatus;
  invitedBy: { id: string; name: string } | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface AuditEvent {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'dead' | 'held';

export interface OutboxMessage {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Organization {
  name: string;
}

export interface Session {
  user: User;
  csrfToken: string;
  organization: Organization;
}
