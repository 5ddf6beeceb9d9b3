import { Button, Stack, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailPlus, IconUserPlus, IconUsers, IconUserSearch } from '@tabler/icons-react';
import { useCurrentUser } from '@/features/auth/api/session';
import { flattenPages } from '@/shared/api/pagination';
import type { InvitationStatus } from '@/shared/api/types';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { isRole, isTeam } from '@/shared/ui/roleOptions';
import { useUsersList, type UserFilters } from '../api/users';
import { EditUserDrawer } from '../components/EditUserDrawer';
import { InvitationsPanel } from '../components/InvitationsPanel';
import { InviteUserModal } from '../components/InviteUserModal';
import { UserFiltersBar } from '../components/UserFiltersBar';
import { UsersTable } from '../components/UsersTable';

const PARAMS = ['q', 'role', 'team', 'status', 'tab', 'invitations', 'user'] as const;
const INVITATION_STATUSES: readonly string[] = ['pending', 'accepted', 'revoked', 'expired', 'all'];

export function UsersPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParamState(PARAMS);
  const [inviting, invite] = useDisclosure(false);

  const filters: UserFilters = {
    q: params.q,
    role: isRole(params.role) ? params.role : '',
    team: isTeam(params.team) ? params.team : '',
    status: params.status === 'active' || params.status === 'deactivated' ? params.status : '',
  };
  const tab = params.tab === 'invitations' ? 'invitations' : 'people';
  const invitationParam = INVITATION_STATUSES.includes(params.invitations) ? params.invitations : 'pending';
  const invitationStatus = (invitationParam === 'all' ? '' : invitationParam) as InvitationStatus | '';

  const query = useUsersList(filters);
  const users = flattenPages(query.data);
  const filtered = Boolean(filters.q || filters.role || filters.team || filters.status);

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in to Vouch, their roles and teams, and the invitations on their way."
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={invite.open}>
            Invite user
          </Button>
        }
      />
      <Tabs keepMounted={false} value={tab} onChange={(value) => setParams({ tab: value === 'invitations' ? 'invitations' : null }, { replace: false })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="people" leftSection={<IconUsers size={16} aria-hidden />}>
            People
          </Tabs.Tab>
          <Tabs.Tab value="invitations" leftSection={<IconMailPlus size={16} aria-hidden />}>
            Invitations
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="people">
          <Stack gap="md">
            <UserFiltersBar filters={filters} onChange={(changes) => setParams(changes)} />
            {query.isPending && <CenteredLoader label="Loading people" />}
            {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
            {query.isSuccess && users.length === 0 && (
              filtered ? (
                <EmptyHint
                  icon={<IconUserSearch aria-hidden />}
                  title="Nobody matches these filters"
                  description="Try a shorter search or clear the filters to see everyone."
                  action={
                    <Button variant="default" onClick={() => setParams({ q: null, role: null, team: null, status: null })}>
                      Clear filters
                    </Button>
                  }
                />
              ) : (
                <EmptyHint
                  icon={<IconUsers aria-hidden />}
                  title="No people yet"
                  description="Invite your sales, customer success and marketing colleagues so they can start using Vouch."
                  action={<Button onClick={invite.open}>Invite someone</Button>}
                />
              )
            )}
            {users.length > 0 && (
              <>
                <UsersTable users={users} currentUserId={me.id} onOpen={(user) => setParams({ user: user.id }, { replace: false })} />
                <LoadMore
                  hasMore={query.hasNextPage}
                  loading={query.isFetchingNextPage}
                  onLoadMore={() => void query.fetchNextPage()}
                  shown={users.length}
                  noun={users.length === 1 ? 'person' : 'people'}
                />
              </>
            )}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="invitations">
          <InvitationsPanel
            status={invitationStatus}
            onStatusChange={(status) => setParams({ invitations: status === '' ? 'all' : status === 'pending' ? null : status })}
            onInvite={invite.open}
          />
        </Tabs.Panel>
      </Tabs>

      <InviteUserModal opened={inviting} onClose={invite.close} />
      <EditUserDrawer userId={params.user || null} onClose={() => setParams({ user: null }, { replace: false })} />
    </>
  );
}
