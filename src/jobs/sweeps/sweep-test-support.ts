import { and, eq, sql } from 'drizzle-orm';
import { outboxMessages, type OutboxMessageRow } from '../../db/schema/index.js';
import type { TestApp } from '../../../test/helpers/app.js';

/** Monday 2 March 2026, 09:00 UTC: the sweep tests' fixed starting instant. */
export const MONDAY = new Date('2026-03-02T09:00:00Z');

/** Moves the test clock to an exact instant. */
export function setClock(t: TestApp, at: Date): void {
  t.clock.advance(at.getTime() - t.clock.now().getTime());
}

/** The outbox e-mails of a kind about a candidate (or a request, or an advocate). */
export async function messagesAbout(t: TestApp, kind: string, about: { candidateId?: string; requestId?: string; advocateId?: string }): Promise<OutboxMessageRow[]> {
  const [field, value] = about.candidateId ? ['candidateId', about.candidateId] : about.requestId ? ['requestId', about.requestId] : ['advocateId', about.advocateId ?? ''];
  return t.deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.kind, kind), eq(outboxMessages.channel, 'email'), sql`${outboxMessages.payload} ->> ${field} = ${value}`));
}
