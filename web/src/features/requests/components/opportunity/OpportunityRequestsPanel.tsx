import { IconMessages } from '@tabler/icons-react';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { QueryError } from '@/shared/ui/QueryError';
import { SectionCard } from '@/shared/ui/SectionCard';
import { useOpportunityRequests } from '../../api/requests';
import { RequestsTable } from '../RequestsTable';

interface OpportunityRequestsPanelProps {
  opportunityId: string;
  /** The viewer may ask for references on this deal (its seller, or an admin), and it is open. */
  canRequest: boolean;
}

export function findReferencesPath(opportunityId: string): string {
  return `/requests/new?opportunityId=${encodeURIComponent(opportunityId)}`;
}

/** For the opportunity page: its reference requests, and "Find references". */
export function OpportunityRequestsPanel({ opportunityId, canRequest }: OpportunityRequestsPanelProps) {
  const query = useOpportunityRequests(opportunityId);
  return (
    <SectionCard title="Reference requests">
      {query.isPending && <CenteredLoader label="Loading requests" minHeight={80} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess &&
        (query.data.length === 0 ? (
          <EmptyHint
            icon={<IconMessages aria-hidden />}
            title="No reference requests yet"
            description={
              canRequest
                ? '“Find references” (at the top) opens a request prefilled from this deal, with readiness checked and ranked matches.'
                : 'The deal’s seller asks for references from here.'
            }
          />
        ) : (
          <RequestsTable requests={query.data} label="Reference requests for this opportunity" withRequester withoutFor />
        ))}
    </SectionCard>
  );
}
