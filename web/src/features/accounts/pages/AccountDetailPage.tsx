import { hasRole } from '@domain/roles';
import { Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingSkyscraper, IconPencil } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/session';
import { AdvocateFormDrawer } from '@/features/advocates/components/AdvocateFormDrawer';
import { isAdvocateStatus } from '@/features/advocates/lib/labels';
import { ApiError } from '@/shared/api/apiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { Columns } from '@/shared/ui/Columns';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useAccount } from '../api/accounts';
import { AccountAdvocatesSection } from '../components/AccountAdvocatesSection';
import { AccountFactsSection } from '../components/AccountFactsSection';
import { AccountFormDrawer } from '../components/AccountFormDrawer';
import { ReferenceUseSection } from '../components/ReferenceUseSection';
import { ReferenceStatusBadge } from '../components/ReferenceStatusBadge';

const PARAMS = ['status'] as const;

/** One customer account: facts, reference use, and its advocates. */
export function AccountDetailPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const query = useAccount(id);
  const account = query.data;
  const [params, setParams] = useSearchParamState(PARAMS);
  const [editing, edit] = useDisclosure(false);
  const [adding, add] = useDisclosure(false);
  useDocumentTitle(account?.name ?? 'Account');

  if (query.isError) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return notFound ? (
      <EmptyHint
        icon={<IconBuildingSkyscraper aria-hidden />}
        title="No such account"
        description="The link may be mistyped or the account was removed. Find it in the list instead."
        action={
          <Button component={Link} to="/accounts" variant="default">
            All accounts
          </Button>
        }
      />
    ) : (
      <QueryError error={query.error} title="Couldn't load this account" onRetry={() => void query.refetch()} />
    );
  }
  if (!account) return <CenteredLoader label="Loading the account" />;

  const isAdmin = hasRole(user.roles, 'admin');
  const isOwner = hasRole(user.roles, 'owner') && account.owner?.id === user.id;

  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Breadcrumb">
        <Anchor component={Link} to="/accounts" size="sm">
          Accounts
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title={account.name}
        description={account.owner ? `Relationship owner: ${account.owner.name}` : 'No relationship owner yet'}
        actions={
          (isAdmin || isOwner) && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
              {isAdmin ? 'Edit account' : 'Change reference status'}
            </Button>
          )
        }
      />
      <Group gap="xs" mt={-8} mb="lg">
        <ReferenceStatusBadge status={account.referenceStatus} />
        {isOwner && (
          <Text size="sm" c="dimmed">
            You own this relationship.
          </Text>
        )}
      </Group>
      <Columns layout="aside">
        <div>
          <Stack gap="lg">
            <AccountFactsSection account={account} />
            <AccountAdvocatesSection
              account={account}
              status={isAdvocateStatus(params.status) ? params.status : ''}
              onStatusChange={(status) => setParams({ status })}
              onAdd={isAdmin || isOwner ? add.open : undefined}
              addLabel="Add advocate"
            />
          </Stack>
        </div>
        <div>
          <ReferenceUseSection account={account} />
        </div>
      </Columns>
      {(isAdmin || isOwner) && (
        <AccountFormDrawer
          key={account.updatedAt}
          opened={editing}
          onClose={edit.close}
          account={account}
          mode={isAdmin ? 'full' : 'status'}
        />
      )}
      {(isAdmin || isOwner) && (
        <AdvocateFormDrawer
          opened={adding}
          onClose={add.close}
          account={account}
          isAdmin={isAdmin}
          onSaved={(saved) => navigate(`/advocates/${saved.id}`)}
        />
      )}
    </>
  );
}
