import type { Executor } from '../../db/client.js';
import { requestEvents } from '../../db/schema/index.js';
import type { Actor } from '../context.js';

/** Timeline entry kinds written by the request workflow. */
export type RequestEventKind =
  | 'created'
  | 'updated'
  | 'submitted'
  | 'blocked'
  | 'readiness_overridden'
  | 'cancelled'
  | 'candidate_proposed'
  | 'rematched'
  | 'plan_b'
  | 'status_changed';

export interface RequestEventInput {
  requestId: string;
  candidateId?: string | null;
  /** A signed-in person, the advocate (signed link) or the system. */
  actor: Actor | 'advocate' | 'system';
  kind: RequestEventKind | (string & {});
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

/** Appends one entry to a request's timeline inside the caller's transaction. */
export async function recordRequestEvent(db: Executor, event: RequestEventInput): Promise<void> {
  const byUser = typeof event.actor === 'object';
  await db.insert(requestEvents).values({
    requestId: event.requestId,
    candidateId: event.candidateId ?? null,
    actorKind: byUser ? 'user' : event.actor === 'advocate' ? 'advocate' : 'system',
    actorUserId: byUser ? (event.actor as Actor).userId : null,
    kind: event.kind,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    reason: event.reason ?? null,
    data: event.data ?? {},
    at: event.at,
  });
}
