import { hasAnyRole, hasRole } from '@domain/roles';
import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/session';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useOpportunityForRequest } from '../api/opportunity';
import { OpportunityPicker } from '../components/OpportunityPicker';
import { RequestForm } from '../components/RequestForm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/requests/new[?opportunityId=…]`: sellers arrive from the opportunity with the form prefilled;
 * marketing asks without one, for a purpose; a seller without one picks the deal first.
 */
export function NewRequestPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const raw = params.get('opportunityId') ?? '';
  const opportunityId = UUID.test(raw) ? raw : null;
  const forPurpose = params.get('for') === 'purpose';
  const opportunity = useOpportunityForRequest(opportunityId);
  const isMarketing = hasRole(user.roles, 'marketing');
  const isSales = hasRole(user.roles, 'sales') || hasRole(user.roles, 'admin');
  const mayRequest = hasAnyRole(user.roles, ['sales', 'marketing', 'admin']);
  const withPurpose = !opportunityId && (isMarketing && (!isSales || forPurpose));

  const header = (
    <PageHeader
      title="Request a reference"
      documentTitle="New request"
      description={
        opportunity.data ? (
          <>
            For{' '}
            <Anchor underline="always" component={Link} to={`/opportunities/${opportunity.data.id}`} size="sm">
              {opportunity.data.name}
            </Anchor>{' '}
            ({opportunity.data.prospectName}). Readiness and lead time are checked as you go; matches update live.
          </>
        ) : withPurpose ? (
          'Say what your team needs an advocate for; matches update as you fill the form.'
        ) : (
          'Start from the deal: the form is prefilled from it.'
        )
      }
    />
  );

  if (!mayRequest) {
    return (
      <>
        {header}
        <EmptyHint
          icon={<IconLock aria-hidden />}
          title="Only sales and marketing request references"
          description="Ask your program team if you need an advocate for something else."
        />
      </>
    );
  }
  if (opportunityId && opportunity.isPending) return <CenteredLoader label="Loading the opportunity" />;
  if (opportunityId && opportunity.isError) {
    return (
      <>
        {header}
        <QueryError error={opportunity.error} title="Couldn't load the opportunity" onRetry={() => void opportunity.refetch()} />
      </>
    );
  }
  if (!opportunityId && !withPurpose) {
    return (
      <>
        {header}
        <Paper withBorder p="md">
          <Stack gap="md">
            <OpportunityPicker onPick={(id) => setParams({ opportunityId: id }, { replace: true })} />
            {isMarketing && (
              <Text size="sm">
                Not for a deal?{' '}
                <Button variant="subtle" size="compact-sm" onClick={() => setParams({ for: 'purpose' }, { replace: true })}>
                  Request for a marketing purpose
                </Button>
              </Text>
            )}
          </Stack>
        </Paper>
      </>
    );
  }
  if (opportunity.data && opportunity.data.outcome !== 'open') {
    return (
      <>
        {header}
        <EmptyHint
          icon={<IconLock aria-hidden />}
          title={`This opportunity is ${opportunity.data.outcome}`}
          description="References are for open deals. Pick another opportunity."
          action={
            <Button variant="default" onClick={() => setParams({}, { replace: true })}>
              Choose another deal
            </Button>
          }
        />
      </>
    );
  }
  return (
    <>
      {header}
      <RequestForm
        key={opportunityId ?? 'purpose'}
        opportunity={opportunity.data ?? null}
        team={user.team}
        withPurpose={withPurpose}
      />
    </>
  );
}
