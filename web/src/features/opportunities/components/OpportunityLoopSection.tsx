import { OpportunityLoopPanels } from '@/features/requests/components/opportunity/OpportunityLoopPanels';
import type { OpportunityDetail } from '../api/types';

/*
 * ─── REQUEST LOOP SLOT ──────────────────────────────────────────────────────────────────────────
 * The opportunity's reference requests, the advocates' uses (activities) on it, the suggested
 * references and the outcome (won: impact for the advocates who helped). Owned by D:
 * web/src/features/requests/components/opportunity/. "Find references" (which starts
 * /requests/new?opportunityId=<id>) is in the page header.
 * ─────────────────────────────────────────────────────────────────────────────────────────────────
 */
export function OpportunityLoopSection({ opportunity, canRequest }: { opportunity: OpportunityDetail; canRequest: boolean }) {
  return <OpportunityLoopPanels opportunity={opportunity} canRequest={canRequest} />;
}
