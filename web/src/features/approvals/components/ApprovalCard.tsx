import { TEAM_LABELS, type Team } from '@domain/roles';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { OverdueBadge, RushBadge } from '@/features/requests/components/StatusBadges';
import { purposeLabel, requestReference } from '@/features/requests/lib/labels';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { formatDateTime, formatDay, formatRelative } from '@/shared/format/dates';
import { formatUsdCompact } from '@/shared/format/numbers';
import type { Approval } from '../api/types';
import { LoadMeter } from './LoadMeter';

interface ApprovalCardProps {
  approval: Approval;
  onApprove: () => void;
  onDecline: () => void;
  approving: boolean;
}

function teamLabel(team: string): string {
  return TEAM_LABELS[team as Team] ?? team;
}

/** Who asks, for which deal, which advocate, how loaded the account is; approve in one click. */
export function ApprovalCard({ approval, onApprove, onDecline, approving }: ApprovalCardProps) {
  const activityTypes = useTaxonomyLabels('activity_type');
  const { request, opportunity } = approval;
  const pending = approval.status === 'owner_pending';
  const title = `${approval.advocate.name} for ${opportunity ? opportunity.name : (purposeLabel(request.purpose) ?? 'a request')}`;
  return (
    <Paper withBorder p="md" component="article" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text fw={600}>
              {activityTypes.label(request.activityTypeKey)} with{' '}
              <Anchor underline="always" component={Link} to={`/advocates/${approval.advocate.id}`} inherit>
                {approval.advocate.name}
              </Anchor>
            </Text>
            <Text size="sm" c="dimmed">
              {[approval.advocate.title, approval.account.name].filter(Boolean).join(', ')}
            </Text>
          </div>
          <Group gap={6}>
            {approval.overdue && <OverdueBadge />}
            {request.rush && <RushBadge />}
            {!pending && (
              <Badge color={approval.status === 'owner_declined' ? 'red' : 'teal'} variant="light">
                {approval.status === 'owner_declined' ? 'Declined' : 'Approved'}
              </Badge>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <div>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Who asks
            </Text>
            <Text size="sm">
              {approval.requester.name} ({teamLabel(approval.requester.team)})
            </Text>
          </div>
          <div>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {opportunity ? 'Deal' : 'Purpose'}
            </Text>
            {opportunity ? (
              <Text size="sm">
                {opportunity.name} · {opportunity.prospectName}
                {opportunity.stageLabel ? ` · ${opportunity.stageLabel}` : ''}
                {opportunity.amountUsd ? ` · ${formatUsdCompact(opportunity.amountUsd)}` : ''}
              </Text>
            ) : (
              <Text size="sm">{purposeLabel(request.purpose) ?? '—'}</Text>
            )}
          </div>
          <div>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Needed by
            </Text>
            <Text size="sm">
              {formatDay(request.neededBy)} ·{' '}
              <Anchor underline="always" component={Link} to={`/requests/${request.id}`} size="sm">
                {requestReference(request.number)}
              </Anchor>
            </Text>
          </div>
        </SimpleGrid>
        {request.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            “{request.note}”
          </Text>
        )}
        <Group gap="lg" wrap="wrap">
          <LoadMeter label={`${approval.account.name} load`} load={approval.accountLoad} />
          <LoadMeter label={`${approval.advocate.name} load`} load={approval.advocateLoad} />
        </Group>
        {pending ? (
          <Group justify="space-between" gap="sm">
            <Text size="xs" c={approval.overdue ? 'red' : 'dimmed'}>
              {approval.approvalDueAt ? `Answer due ${formatRelative(approval.approvalDueAt)} (${formatDateTime(approval.approvalDueAt)})` : ''}
            </Text>
            <Group gap="xs">
              <Button variant="default" color="red" onClick={onDecline} aria-label={`Decline ${title}`}>
                Decline…
              </Button>
              <Button leftSection={<IconCheck size={16} aria-hidden />} loading={approving} onClick={onApprove} aria-label={`Approve ${title}`}>
                Approve
              </Button>
            </Group>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            Decided {formatRelative(approval.ownerDecidedAt)}
            {approval.ownerReason ? `: “${approval.ownerReason}”` : ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
