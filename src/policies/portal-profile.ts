import type { AdvocateStatus } from '../domain/advocate-lifecycle.js';

/** What the portal's decisions need about the signed-in advocate. */
export interface PortalAdvocateAccess {
  status: AdvocateStatus;
}

/**
 * The advocate portal's profile, availability and preferences. Every route acts on the
 * signed-in advocate only (their id comes from the session, never from the URL), so another
 * advocate's blackouts or proposals are simply not found. Someone who left the company keeps
 * read access, while their profile stays the program team's record.
 */
export const portalProfilePolicy = {
  read: (_access: PortalAdvocateAccess) => true,
  change: (access: PortalAdvocateAccess) => access.status !== 'left_company',
};

export const PORTAL_CHANGE_REFUSED = 'You have left the company this profile belongs to: the program team keeps it as a record.';
