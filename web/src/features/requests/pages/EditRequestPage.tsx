import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/session';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useOpportunityForRequest } from '../api/opportunity';
import { useRequest } from '../api/requests';
import { RequestForm } from '../components/RequestForm';
import { requestReference } from '../lib/labels';

/** `/requests/:id/edit`: a draft or blocked request back in the form, judged live again. */
export function EditRequestPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const request = useRequest(id);
  const opportunityId = request.data?.opportunity?.id ?? null;
  const opportunity = useOpportunityForRequest(opportunityId);

  if (request.isPending || (opportunityId && opportunity.isPending)) return <CenteredLoader label="Loading the request" />;
  if (request.isError) return <QueryError error={request.error} title="Couldn't load this request" onRetry={() => void request.refetch()} />;
  if (opportunity.isError) return <QueryError error={opportunity.error} title="Couldn't load the opportunity" onRetry={() => void opportunity.refetch()} />;
  const detail = request.data;
  const reference = requestReference(detail.number);
  if (!detail.allowedActions.includes('edit')) {
    return (
      <>
        <PageHeader title={`Change ${reference}`} />
        <EmptyHint
          icon={<IconLock aria-hidden />}
          title="This request can no longer be changed"
          description="Only drafts and blocked requests change; once matching has started, cancel it and ask again if the need changed."
          action={
            <Button component={Link} to={`/requests/${detail.id}`} variant="default">
              Back to {reference}
            </Button>
          }
        />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`Change ${reference}`}
        description="Readiness and lead time are checked again as you go; submit when it is right."
      />
      <RequestForm existing={detail} opportunity={opportunity.data ?? null} team={user.team} withPurpose={detail.opportunity === null} />
    </>
  );
}
