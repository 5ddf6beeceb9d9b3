import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { referenceRequests, taxonomyValues, users, type ReferenceRequestRow } from '../../../db/schema/index.js';
import { getOrganization } from '../../organization/get-organization.js';

/**
 * What internal notices say about a request: the organisation's name and colour, "R-42", who
 * asks, the activity's label and what it is for. Internal readers only (never sent to advocates).
 */
export interface RequestFacts {
  orgName: string;
  color: string;
  request: ReferenceRequestRow;
  requestLabel: string;
  requesterName: string;
  activityLabel: string;
  /** "Globex" (the prospect of the deal) or the marketing purpose. */
  forWhat: string;
  /** App path, for in-app notices and program channels. */
  path: string;
  /** Absolute link for e-mails. */
  url: string;
}

export const requestPath = (requestId: string) => `/requests/${requestId}`;

export async function activityLabelOf(db: Executor, key: string): Promise<string> {
  const [row] = await db
    .select({ label: taxonomyValues.label })
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, 'activity_type'), eq(taxonomyValues.key, key)))
    .limit(1);
  return row?.label ?? key;
}

export async function loadRequestFacts(db: Executor, publicUrl: string, requestOrId: ReferenceRequestRow | string): Promise<RequestFacts> {
  const request =
    typeof requestOrId === 'string' ? (await db.select().from(referenceRequests).where(eq(referenceRequests.id, requestOrId)).limit(1))[0] : requestOrId;
  if (!request) throw new Error('request vanished');
  const [requester] = await db.select({ name: users.name }).from(users).where(eq(users.id, request.requesterUserId)).limit(1);
  const org = await getOrganization(db);
  const path = requestPath(request.id);
  return {
    orgName: org.name,
    color: org.primaryColor,
    request,
    requestLabel: `R-${request.number}`,
    requesterName: requester?.name ?? 'A colleague',
    activityLabel: await activityLabelOf(db, request.activityTypeKey),
    forWhat: request.opportunityId ? (request.prospect.name ?? 'a deal') : (request.purpose ?? 'a marketing need'),
    path,
    url: `${publicUrl}${path}`,
  };
}

/** "Dana" from "Dana Jones": greetings use the first name. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
