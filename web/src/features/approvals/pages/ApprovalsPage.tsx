import { hasRole } from '@domain/roles';
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useCurrentUser } from '@/features/auth/api/session';
import { ReasonModal } from '@/features/requests/components/ReasonModal';
import { flattenPages } from '@/shared/api/pagination';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useApprovals, useApprove, useDecline } from '../api/approvals';
import type { Approval, ApprovalFilters } from '../api/types';
import { ApprovalCard } from '../components/ApprovalCard';

function Toggle({ label, value, data, onChange }: { label: string; value: string; data: { value: string; label: string }[]; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <div role="radiogroup" aria-labelledby={id}>
        <SegmentedControl value={value} onChange={onChange} data={data} />
      </div>
    </Stack>
  );
}

/** `/approvals`: uses of the owner's accounts waiting for a yes or no, due soonest first. */
export function ApprovalsPage() {
  const user = useCurrentUser();
  const isAdmin = hasRole(user.roles, 'admin');
  const [params, setParams] = useSearchParamState(['status', 'scope'] as const);
  const filters: ApprovalFilters = {
    status: params.status === 'decided' ? 'decided' : 'pending',
    scope: isAdmin && params.scope === 'all' ? 'all' : 'mine',
  };
  const query = useApprovals(filters);
  const approvals = flattenPages(query.data);
  const approve = useApprove();
  const decline = useDecline();
  const [approvingId, setApprovingId] = useState<string | null>(null);
  const [declining, setDeclining] = useState<Approval | null>(null);
  const overdue = approvals.filter((approval) => approval.overdue).length;

  const onApprove = (approval: Approval) => {
    setApprovingId(approval.candidateId);
    approve.mutate(approval, {
      onSuccess: () => notifySuccess(`${approval.advocate.name} is asked now, by a private link only they receive.`, 'Approved'),
      onError: (error) => notifyError(error, 'Not approved'),
      onSettled: () => setApprovingId(null),
    });
  };

  return (
    <>
      <PageHeader
        title="Approvals"
        description="Each use of your accounts needs your yes first. Approve in one click; decline with a reason the requester will see."
      />
      <Stack gap="md">
        <Group gap="lg" align="flex-end">
          <Toggle
            label="Show"
            value={filters.status}
            onChange={(status) => setParams({ status: status === 'pending' ? null : status })}
            data={[
              { value: 'pending', label: 'Waiting for you' },
              { value: 'decided', label: 'Decided' },
            ]}
          />
          {isAdmin && (
            <Toggle
              label="Whose"
              value={filters.scope}
              onChange={(scope) => setParams({ scope: scope === 'mine' ? null : scope })}
              data={[
                { value: 'mine', label: 'Mine' },
                { value: 'all', label: 'Every owner' },
              ]}
            />
          )}
          {filters.status === 'pending' && overdue > 0 && (
            <Text size="sm" c="red" fw={600}>
              {overdue === 1 ? '1 approval is overdue' : `${overdue} approvals are overdue`}
            </Text>
          )}
        </Group>
        {query.isPending && <CenteredLoader label="Loading approvals" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && approvals.length === 0 && (
          <EmptyHint
            icon={<IconChecklist aria-hidden />}
            title={filters.status === 'pending' ? 'Nothing waits for your approval' : 'No decisions yet'}
            description={
              filters.status === 'pending'
                ? 'When someone asks to use one of your accounts as a reference, it appears here and you get an e-mail.'
                : 'The approvals you give or decline are listed here.'
            }
          />
        )}
        {approvals.length > 0 && (
          <Stack gap="sm" aria-label="Approvals" component="section">
            {approvals.map((approval) => (
              <ApprovalCard
                key={approval.candidateId}
                approval={approval}
                approving={approvingId === approval.candidateId}
                onApprove={() => onApprove(approval)}
                onDecline={() => setDeclining(approval)}
              />
            ))}
            <LoadMore
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              shown={approvals.length}
              noun={approvals.length === 1 ? 'approval' : 'approvals'}
            />
          </Stack>
        )}
      </Stack>
      <ReasonModal
        opened={declining !== null}
        title={declining ? `Decline asking ${declining.advocate.name}?` : ''}
        intro="The requester sees your reason and matching looks for someone else."
        label="Reason"
        placeholder="A renewal negotiation is under way with this account."
        confirmLabel="Decline"
        danger
        pending={decline.isPending}
        error={decline.error}
        onClose={() => {
          decline.reset();
          setDeclining(null);
        }}
        onConfirm={(reason) =>
          declining &&
          decline.mutate(
            { approval: declining, reason },
            {
              onSuccess: () => {
                notifySuccess('The requester was told.', 'Declined');
                setDeclining(null);
              },
            },
          )
        }
      />
    </>
  );
}
