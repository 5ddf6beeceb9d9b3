import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconHourglass } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { Columns } from '@/shared/ui/Columns';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { SectionCard } from '@/shared/ui/SectionCard';
import { useRequest } from '../api/requests';
import { CandidatesSection } from '../components/CandidatesSection';
import { RequestActions } from '../components/RequestActions';
import { RequestFacts } from '../components/RequestFacts';
import { RequestTimeline } from '../components/RequestTimeline';
import { RequestStatusBadge } from '../components/StatusBadges';
import { END_REASON_LABELS, purposeLabel, requestReference } from '../lib/labels';
import { nextStepFor, waitingOn } from '../lib/nextStep';

/** `/requests/:id`: where the request stands, its candidates, its timeline, and what to do next. */
export function RequestPage() {
  const { id } = useParams();
  const query = useRequest(id);
  const activityTypes = useTaxonomyLabels('activity_type');

  if (query.isPending) return <CenteredLoader label="Loading the request" />;
  if (query.isError) {
    return (
      <>
        <PageHeader title="Request" />
        <QueryError error={query.error} title="Couldn't load this request" onRetry={() => void query.refetch()} />
      </>
    );
  }
  const request = query.data;
  const reference = requestReference(request.number);
  const next = nextStepFor(request);
  const waiting = next ? null : waitingOn(request);

  return (
    <>
      <PageHeader
        title={`${reference} · ${activityTypes.label(request.activityTypeKey)}`}
        documentTitle={reference}
        description={
          <Group gap="xs" component="span">
            <RequestStatusBadge status={request.status} />
            <Text span size="sm" c="dimmed">
              {request.opportunity ? `For ${request.opportunity.name} (${request.opportunity.prospectName})` : purposeLabel(request.purpose)}
            </Text>
          </Group>
        }
        actions={<RequestActions request={request} />}
      />
      <Stack gap="lg">
        {next && (
          <Alert color="blue" variant="light" icon={<IconArrowRight aria-hidden />} title="Next step" data-testid="next-step">
            {next}
          </Alert>
        )}
        {waiting && (
          <Alert color="gray" variant="light" icon={<IconHourglass aria-hidden />}>
            {waiting}
          </Alert>
        )}
        {request.status === 'cancelled' && request.endReason && (
          <Alert color="gray" variant="light" title="Ended without a reference">
            {END_REASON_LABELS[request.endReason]}
            {request.endNote ? `: ${request.endNote}` : ''}
          </Alert>
        )}
        {request.redoOfRequestId && (
          <Text size="sm">
            A redo of{' '}
            <Anchor underline="always" component={Link} to={`/requests/${request.redoOfRequestId}`} size="sm">
              an earlier request
            </Anchor>
            , with the same criteria.
          </Text>
        )}
        <Columns layout="aside">
          <Stack gap="lg">
            <SectionCard title="Candidates">
              <CandidatesSection request={request} />
            </SectionCard>
            <SectionCard title="What was asked">
              <RequestFacts request={request} />
            </SectionCard>
          </Stack>
          <SectionCard title="Timeline">
            <RequestTimeline events={request.timeline} candidates={request.candidates} />
          </SectionCard>
        </Columns>
      </Stack>
    </>
  );
}
