import { hasRole } from '@domain/roles';
import { Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowMerge, IconPencil, IconUserQuestion } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useAccount } from '@/features/accounts/api/accounts';
import { useCurrentUser } from '@/features/auth/api/session';
import { PendingProfileChangeBadge } from '@/features/profile-changes/components/PendingProfileChangeBadge';
import { ApiError } from '@/shared/api/apiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { Columns } from '@/shared/ui/Columns';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useAdvocate } from '../api/advocates';
import { AdvocateFormDrawer } from '../components/AdvocateFormDrawer';
import { MergeAdvocateModal } from '../components/merge/MergeAdvocateModal';
import { AccountCard } from '../components/profile/AccountCard';
import { AvailabilitySection } from '../components/profile/AvailabilitySection';
import { ConsentSection } from '../components/profile/ConsentSection';
import { ContactCard } from '../components/profile/ContactCard';
import { LifecycleSection } from '../components/profile/LifecycleSection';
import { RoleExpertiseSection } from '../components/profile/RoleExpertiseSection';
import { StorySection } from '../components/profile/StorySection';
import { WillingnessSection } from '../components/profile/WillingnessSection';
import { AdvocateStatusBadge, FreshnessBadge } from '../components/StatusBadges';

/** An advocate's whole profile, with editing for admins and the account's relationship owner. */
export function AdvocatePage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const query = useAdvocate(id);
  const advocate = query.data;
  const account = useAccount(advocate?.account.id);
  const [editing, edit] = useDisclosure(false);
  const [merging, mergeModal] = useDisclosure(false);
  useDocumentTitle(advocate?.name ?? 'Advocate');

  if (query.isError) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return notFound ? (
      <EmptyHint
        icon={<IconUserQuestion aria-hidden />}
        title="No such advocate"
        description="The link may be mistyped, or the profile was merged into another. Search for the person instead."
        action={
          <Button component={Link} to="/advocates" variant="default">
            Search advocates
          </Button>
        }
      />
    ) : (
      <QueryError error={query.error} title="Couldn't load this profile" onRetry={() => void query.refetch()} />
    );
  }

  if (!advocate) return <CenteredLoader label="Loading the profile" />;

  const isAdmin = hasRole(user.roles, 'admin');
  const isOwner = hasRole(user.roles, 'owner') && account.data?.owner?.id === user.id;
  const canEdit = isAdmin || isOwner;

  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Breadcrumb">
        <Anchor component={Link} to="/advocates" size="sm">
          Advocates
        </Anchor>
        <Anchor component={Link} to={`/accounts/${advocate.account.id}`} size="sm">
          {advocate.account.name}
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title={advocate.name}
        description={[advocate.title, advocate.account.name].filter(Boolean).join(' at ')}
        actions={
          canEdit && (
            <Group gap="sm">
              {isAdmin && (
                <Button variant="default" leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={mergeModal.open}>
                  Merge duplicate…
                </Button>
              )}
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
                Edit profile
              </Button>
            </Group>
          )
        }
      />
      <Group gap="xs" mt={-8} mb="lg">
        <AdvocateStatusBadge status={advocate.status} />
        <FreshnessBadge freshness={advocate.freshness} />
        <PendingProfileChangeBadge advocateId={advocate.id} enabled={isAdmin} />
        {isOwner && !isAdmin && (
          <Text size="sm" c="dimmed">
            You own this account&apos;s relationship.
          </Text>
        )}
      </Group>
      <Columns layout="aside">
        <div>
          <Stack gap="lg">
            <RoleExpertiseSection advocate={advocate} />
            <StorySection advocate={advocate} />
            <WillingnessSection advocate={advocate} />
            <AvailabilitySection advocate={advocate} />
          </Stack>
        </div>
        <div>
          <Stack gap="lg">
            <ContactCard advocate={advocate} />
            <AccountCard accountRef={advocate.account} account={account.data} />
            <LifecycleSection advocate={advocate} canManage={isAdmin} />
            <ConsentSection advocate={advocate} />
          </Stack>
        </div>
      </Columns>
      {isAdmin && <MergeAdvocateModal survivor={advocate} opened={merging} onClose={mergeModal.close} />}
      {canEdit && (
        <AdvocateFormDrawer
          key={advocate.updatedAt}
          opened={editing}
          onClose={edit.close}
          advocate={advocate}
          account={advocate.account}
          isAdmin={isAdmin}
        />
      )}
    </>
  );
}
