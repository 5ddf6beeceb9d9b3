import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconTrophy, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentUser } from '@/features/auth/api/session';
import type { OpportunityForRequest } from '../../api/opportunity';
import { useOpportunityRequests } from '../../api/requests';
import { OpportunityActivitiesPanel } from './OpportunityActivitiesPanel';
import { OpportunityRequestsPanel } from './OpportunityRequestsPanel';
import { OutcomeModal } from './OutcomeModal';
import { SuggestedReferencesPanel } from './SuggestedReferencesPanel';

export interface LoopOpportunity extends OpportunityForRequest {
  amountUsd: number | null;
  lossReason: string | null;
  closedOn: string | null;
  /** The viewer owns the deal (or runs the program): they record its outcome. */
  viewerCanEdit: boolean;
}

interface OpportunityLoopPanelsProps {
  opportunity: LoopOpportunity;
  /** The viewer may ask for references on this deal. */
  canRequest: boolean;
}

/**
 * The request loop on the opportunity page: its reference requests, the advocates' uses on it
 * (with their part in a win), suggested references while it is open, and recording the outcome.
 */
export function OpportunityLoopPanels({ opportunity, canRequest }: OpportunityLoopPanelsProps) {
  const [outcome, setOutcome] = useState<'won' | 'lost' | null>(null);
  const user = useCurrentUser();
  const requests = useOpportunityRequests(opportunity.id);
  const open = opportunity.outcome === 'open';
  // On a lost deal, the people who asked for references are asked what happened.
  const askedWhy =
    opportunity.outcome === 'lost' &&
    !opportunity.lossReason &&
    (opportunity.viewerCanEdit || (requests.data ?? []).some((request) => request.requester.id === user.id));
  return (
    <Stack gap="lg">
      {open && opportunity.viewerCanEdit && (
        <Paper withBorder p="md" component="section" aria-label="Outcome">
          <Group justify="space-between" gap="sm">
            <Text size="sm">Closed the deal? Record it: advocates who helped win it are told.</Text>
            <Group gap="xs">
              <Button size="xs" leftSection={<IconTrophy size={14} aria-hidden />} onClick={() => setOutcome('won')}>
                Mark as won…
              </Button>
              <Button size="xs" variant="default" leftSection={<IconX size={14} aria-hidden />} onClick={() => setOutcome('lost')}>
                Mark as lost…
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      {askedWhy && (
        <Paper withBorder p="md" component="section" aria-label="What happened">
          <Group justify="space-between" gap="sm">
            <Text size="sm">This deal was lost. What happened? It helps the program team see whether references could have helped.</Text>
            <Button size="xs" variant="default" onClick={() => setOutcome('lost')}>
              Say what happened…
            </Button>
          </Group>
        </Paper>
      )}
      <OpportunityRequestsPanel opportunityId={opportunity.id} canRequest={canRequest && open} />
      <OpportunityActivitiesPanel opportunityId={opportunity.id} won={opportunity.outcome === 'won'} />
      {canRequest && open && <SuggestedReferencesPanel opportunity={opportunity} />}
      {(opportunity.viewerCanEdit || askedWhy) && (
        <OutcomeModal
          opportunityId={opportunity.id}
          amountUsd={opportunity.amountUsd}
          closedOn={opportunity.outcome === 'lost' ? opportunity.closedOn : null}
          outcome={outcome}
          onClose={() => setOutcome(null)}
        />
      )}
    </Stack>
  );
}
