import { Anchor, Badge, Button, Collapse, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarEvent, IconChevronDown, IconChevronRight, IconDownload } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { formatDateTime, formatRelative } from '@/shared/format/dates';
import { invitationUrl } from '../../api/candidates';
import type { CandidateAction, RequestCandidate } from '../../api/types';
import { formatInZone } from '../../lib/timeZones';
import { MatchFactors } from '../MatchFactors';
import { CandidateStatusBadge, OverdueBadge } from '../StatusBadges';
import { RevealContact } from './RevealContact';

/** Actions that open a dialog or run at once; the page decides how. */
export type CandidateDialogAction = Exclude<CandidateAction, 'reveal_contact' | 'download_ics'>;

interface CandidateCardProps {
  requestId: string;
  candidate: RequestCandidate;
  onAction: (candidate: RequestCandidate, action: CandidateDialogAction) => void;
  /** An action running for this candidate (one-click ones show a spinner). */
  pendingAction: CandidateDialogAction | null;
}

const ACTION_LABELS: Record<CandidateDialogAction, string> = {
  approve: 'Approve',
  decline: 'Decline…',
  withdraw: 'Withdraw…',
  no_answer: 'Mark no answer',
  schedule: 'Schedule…',
  accept_proposed_date: 'Accept a proposed date…',
  debrief: 'Debrief…',
  redo: 'Redo: find another reference',
  thank_you: 'Log a thank-you…',
};

const ORDER: CandidateDialogAction[] = [
  'approve',
  'accept_proposed_date',
  'schedule',
  'debrief',
  'redo',
  'thank_you',
  'no_answer',
  'decline',
  'withdraw',
];

function StatusDetail({ candidate }: { candidate: RequestCandidate }): ReactNode {
  switch (candidate.status) {
    case 'owner_pending':
      return (
        <Group gap={6}>
          <Text size="sm">
            Waiting for {candidate.approver?.name ?? 'the relationship owner'} to approve
            {candidate.approvalDueAt ? `, due ${formatRelative(candidate.approvalDueAt)}` : ''}.
          </Text>
          {candidate.overdue && <OverdueBadge />}
        </Group>
      );
    case 'owner_declined':
      return <Text size="sm">The owner declined{candidate.ownerReason ? `: “${candidate.ownerReason}”` : '.'}</Text>;
    case 'advocate_pending':
      return (
        <Text size="sm">
          The owner approved; the advocate was asked {formatRelative(candidate.askedAt, Date.now(), 'just now')}
          {candidate.askExpiresAt ? ` and has until ${formatDateTime(candidate.askExpiresAt)} to answer` : ''}.
        </Text>
      );
    case 'advocate_declined':
      return <Text size="sm">The advocate declined{candidate.advocateReason ? `: “${candidate.advocateReason}”` : '.'}</Text>;
    case 'no_answer':
      return <Text size="sm">The advocate did not answer in time.</Text>;
    case 'dates_proposed':
      return (
        <Stack gap={2}>
          <Text size="sm">The advocate is willing, on other dates:</Text>
          <List size="sm">
            {candidate.proposedDates.map((date) => (
              <List.Item key={date.startsAt}>
                {formatInZone(date.startsAt, null)}
                {date.note ? ` (${date.note})` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      );
    case 'accepted':
      return <Text size="sm">The advocate said yes. Agree a time with them and record it here.</Text>;
    case 'scheduled':
    case 'happened':
    case 'did_not_happen':
      return (
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            <IconCalendarEvent size={16} aria-hidden />
            <Text size="sm">
              {formatInZone(candidate.scheduledAt, null)}
              {candidate.durationMinutes ? `, ${candidate.durationMinutes} minutes` : ''}
            </Text>
          </Group>
          {candidate.meetingDetails && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {candidate.meetingDetails}
            </Text>
          )}
        </Stack>
      );
    case 'withdrawn':
      return <Text size="sm">Withdrawn{candidate.ownerReason ? `: “${candidate.ownerReason}”` : '.'}</Text>;
    default:
      return null;
  }
}

function Debriefs({ candidate }: { candidate: RequestCandidate }) {
  const debriefs = candidate.activity?.debriefs ?? [];
  if (debriefs.length === 0) return null;
  return (
    <Group gap="xs">
      {debriefs.map((debrief) => (
        <Badge key={debrief.side} variant="light" color={debrief.happened ? 'teal' : 'orange'}>
          {debrief.side === 'requester' ? 'Your debrief' : "Advocate's debrief"}:{' '}
          {debrief.happened ? (debrief.metNeeds ? `met needs ${debrief.metNeeds}/5` : 'happened') : 'did not happen'}
        </Badge>
      ))}
    </Group>
  );
}

/** One advocate on a request: where they stand, why they match, and what the viewer may do. */
export function CandidateCard({ requestId, candidate, onAction, pendingAction }: CandidateCardProps) {
  const [open, { toggle }] = useDisclosure(false);
  const factorsId = useId();
  const seniority = useTaxonomyLabels('seniority');
  const functions = useTaxonomyLabels('function');
  const allowed = new Set(candidate.allowedActions);
  const actions = ORDER.filter((action) => allowed.has(action));
  const persona = [seniority.label(candidate.advocate.seniorityKey, ''), functions.label(candidate.advocate.functionKey, '')]
    .filter(Boolean)
    .join(' · ');

  return (
    <Paper withBorder p="md" component="article" aria-label={`Candidate ${candidate.advocate.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Anchor component={Link} to={`/advocates/${candidate.advocate.id}`} fw={600}>
              {candidate.advocate.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {[candidate.advocate.title, candidate.account.name].filter(Boolean).join(', ')}
              {persona ? ` · ${persona}` : ''}
            </Text>
          </div>
          <Group gap="xs">
            {candidate.score !== null && (
              <Badge variant="light" size="lg">
                {candidate.score} / 100
              </Badge>
            )}
            <CandidateStatusBadge status={candidate.status} />
          </Group>
        </Group>
        <StatusDetail candidate={candidate} />
        <Debriefs candidate={candidate} />
        {allowed.has('reveal_contact') && (
          <RevealContact requestId={requestId} candidateId={candidate.id} name={candidate.advocate.name} />
        )}
        {candidate.factors.length > 0 && (
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
              onClick={toggle}
              aria-expanded={open}
              aria-controls={factorsId}
            >
              Why this match
            </Button>
            <Collapse expanded={open} id={factorsId}>
              <MatchFactors factors={candidate.factors} />
            </Collapse>
          </div>
        )}
        {(actions.length > 0 || allowed.has('download_ics')) && (
          <Group gap="xs">
            {actions.map((action) => (
              <Button
                key={action}
                size="xs"
                variant={action === 'approve' || action === 'schedule' || action === 'debrief' ? 'filled' : 'default'}
                color={action === 'decline' || action === 'withdraw' ? 'red' : undefined}
                loading={pendingAction === action}
                onClick={() => onAction(candidate, action)}
              >
                {ACTION_LABELS[action]}
              </Button>
            ))}
            {allowed.has('download_ics') && (
              <Button
                component="a"
                href={invitationUrl(requestId, candidate.id)}
                download
                size="xs"
                variant="light"
                leftSection={<IconDownload size={14} aria-hidden />}
              >
                Download invitation (.ics)
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
