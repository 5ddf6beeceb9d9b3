import { Text } from '@mantine/core';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { OpportunityDetail } from '../api/types';

/*
 * ─── REQUEST LOOP SLOT ──────────────────────────────────────────────────────────────────────────
 * The opportunity's reference requests, the advocates' uses (activities) on it and the suggested
 * references are shown here. Owned by D (web/src/features/requests/components/opportunity/:
 * OpportunityRequestsPanel, OpportunityActivitiesPanel, SuggestedReferencesPanel) and C2 (the
 * outcome). Replace the body of this component with those panels. "Find references" (which starts
 * /requests/new?opportunityId=<id>) is in the page header.
 * ─────────────────────────────────────────────────────────────────────────────────────────────────
 */
export function OpportunityLoopSection({ opportunity, canRequest }: { opportunity: OpportunityDetail; canRequest: boolean }) {
  return (
    <SectionCard title="References for this deal">
      <Text size="sm" c="dimmed">
        {canRequest && opportunity.outcome === 'open'
          ? 'No reference requests yet. Use “Find references” to see the best-matched advocates and ask for one; requests, uses and suggestions for this deal will show here.'
          : 'Reference requests, uses and suggested advocates for this deal will show here once its seller asks for a reference.'}
      </Text>
    </SectionCard>
  );
}
