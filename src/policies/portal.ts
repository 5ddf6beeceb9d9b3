import type { Actor } from '../services/context.js';
import { advocatePolicy, type AdvocateAccess } from './advocates.js';

/** The signed-in advocate of the portal. */
export interface PortalViewer {
  advocateId: string;
}

/**
 * The advocate portal: an advocate sees and answers only their own things. Another advocate's
 * candidate is reported as not found (404), never as forbidden, so ids reveal nothing.
 * What an advocate learns about a deal is what their ask already told them: the prospect's
 * company (for a deal) or the marketing purpose; never the internal opportunity name, amount,
 * stage or notes.
 */
export const portalPolicy = {
  /** Their own candidacy (an ask to them). */
  ownsCandidate: (viewer: PortalViewer, candidate: { advocateId: string }) => candidate.advocateId === viewer.advocateId,
  /** Withdrawn advocates may still sign in to see their data, but no longer answer asks or change anything. */
  canAct: (status: string) => status !== 'withdrawn' && status !== 'left_company',
  /** The prospect's company of a won deal, when the ask was for a deal (the "you helped us win" e-mail names it too). */
  showsProspectName: (deal: { prospectName: string | null }) => deal.prospectName !== null,
};

/** An advocate's impact, for internal users: admins and the account's relationship owner (as for editing the advocate). */
export const advocateImpactPolicy = {
  read: (actor: Actor, access: AdvocateAccess) => advocatePolicy.update(actor, access),
};
