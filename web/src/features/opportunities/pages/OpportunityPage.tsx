import { hasAnyRole } from '@domain/roles';
import { Anchor, Breadcrumbs, Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconTargetArrow, IconUserSearch } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/session';
import { ApiError } from '@/shared/api/apiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { Columns } from '@/shared/ui/Columns';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useOpportunity } from '../api/opportunities';
import { OpportunityBadges } from '../components/OpportunityBadges';
import { OpportunityFactsSection } from '../components/OpportunityFactsSection';
import { OpportunityFormDrawer } from '../components/OpportunityForm';
import { OpportunityLoopSection } from '../components/OpportunityLoopSection';
import { DealStandingSection, ReadinessSection } from '../components/ReadinessSection';
import { findReferencesPath } from '../lib/labels';

/** One deal: its facts, its readiness for each kind of reference, and (below) its reference requests. */
export function OpportunityPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const query = useOpportunity(id);
  const opportunity = query.data;
  const [editing, edit] = useDisclosure(false);
  useDocumentTitle(opportunity?.name ?? 'Opportunity');

  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    if (status === 404 || status === 400 || status === 403) {
      return (
        <EmptyHint
          icon={<IconTargetArrow aria-hidden />}
          title={status === 403 ? 'This is another seller’s opportunity' : 'No such opportunity'}
          description={
            status === 403
              ? 'Sellers see their own deals only. Ask the program team if you need to work on this one.'
              : 'The link may be mistyped or the opportunity was removed. Find it in the list instead.'
          }
          action={
            <Button component={Link} to="/opportunities" variant="default">
              All opportunities
            </Button>
          }
        />
      );
    }
    return <QueryError error={query.error} title="Couldn't load this opportunity" onRetry={() => void query.refetch()} />;
  }
  if (!opportunity) return <CenteredLoader label="Loading the opportunity" />;

  const isAdmin = user.roles.includes('admin');
  const canRequest = (opportunity.viewerCanEdit && hasAnyRole(user.roles, ['sales', 'admin'])) || isAdmin;

  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Breadcrumb">
        <Anchor component={Link} to="/opportunities" size="sm">
          Opportunities
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title={opportunity.name}
        description={`${opportunity.prospectName} · owned by ${opportunity.owner?.name ?? 'nobody'}`}
        actions={
          <>
            {opportunity.viewerCanEdit && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
                Edit opportunity
              </Button>
            )}
            {canRequest && opportunity.outcome === 'open' && (
              <Button component={Link} to={findReferencesPath(opportunity.id)} leftSection={<IconUserSearch size={16} aria-hidden />}>
                Find references
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <OpportunityBadges opportunity={opportunity} />
        <Columns layout="aside">
          <Stack gap="lg">
            <ReadinessSection opportunity={opportunity} />
            <OpportunityLoopSection opportunity={opportunity} canRequest={canRequest} />
          </Stack>
          <Stack gap="lg">
            <DealStandingSection opportunity={opportunity} />
            <OpportunityFactsSection opportunity={opportunity} />
          </Stack>
        </Columns>
      </Stack>
      {opportunity.viewerCanEdit && (
        <OpportunityFormDrawer key={opportunity.updatedAt} opened={editing} onClose={edit.close} opportunity={opportunity} canChooseOwner={isAdmin} />
      )}
    </>
  );
}
