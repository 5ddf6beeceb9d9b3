import { Alert, Anchor, Group, List, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { CountryName } from '@/features/taxonomy/components/CountryName';
import { formatDay } from '@/shared/format/dates';
import { formatCount } from '@/shared/format/numbers';
import { MetaList, type MetaItem } from '@/shared/ui/MetaList';
import type { RequestDetail } from '../api/types';
import { CRITERION_LABELS, purposeLabel } from '../lib/labels';
import { RushBadge } from './StatusBadges';

const FACETS = {
  industry: 'industry',
  sector: 'industry',
  country: 'country',
  region: 'country',
  language: 'language',
  product: 'product',
  use_case: 'use_case',
  seniority: 'seniority',
  function: 'function',
  company_size: 'company_size',
  topic: 'topic',
} as const;

function CriteriaList({ request }: { request: RequestDetail }) {
  const labelers = {
    industry: useTaxonomyLabels('industry'),
    country: useTaxonomyLabels('country'),
    language: useTaxonomyLabels('language'),
    product: useTaxonomyLabels('product'),
    use_case: useTaxonomyLabels('use_case'),
    seniority: useTaxonomyLabels('seniority'),
    function: useTaxonomyLabels('function'),
    company_size: useTaxonomyLabels('company_size'),
    topic: useTaxonomyLabels('topic'),
  };
  if (request.criteria.length === 0) return <Text size="sm">Anyone who fits the rules</Text>;
  return (
    <List size="sm" spacing={2}>
      {request.criteria.map((criterion) => {
        const facet = criterion.kind === 'orientation' ? null : FACETS[criterion.kind];
        const values = criterion.values.map((value) => (facet ? labelers[facet].label(value) : value)).join(', ');
        return (
          <List.Item key={criterion.kind}>
            {CRITERION_LABELS[criterion.kind]}: {values}{' '}
            <Text span size="xs" c={criterion.mustHave ? 'orange' : 'dimmed'} fw={criterion.mustHave ? 600 : 400}>
              ({criterion.mustHave ? 'must-have' : 'nice-to-have'})
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}

/** What was asked for: the deal or purpose, the prospect, the ideal reference, the deadline. */
export function RequestFacts({ request }: { request: RequestDetail }) {
  const industries = useTaxonomyLabels('industry');
  const seniority = useTaxonomyLabels('seniority');
  const functions = useTaxonomyLabels('function');
  const topics = useTaxonomyLabels('topic');
  const { prospect } = request;
  const items: MetaItem[] = [
    {
      label: request.opportunity ? 'Opportunity' : 'Purpose',
      value: request.opportunity ? (
        <Anchor component={Link} to={`/opportunities/${request.opportunity.id}`} size="sm">
          {request.opportunity.name}
        </Anchor>
      ) : (
        (purposeLabel(request.purpose) ?? '—')
      ),
    },
    {
      label: 'Needed by',
      value: (
        <Group gap={6} component="span">
          {formatDay(request.neededBy)}
          {request.rush && <RushBadge />}
        </Group>
      ),
    },
    {
      label: 'Prospect',
      value: (
        <>
          {prospect.name ?? '—'}
          {prospect.industryKey ? ` · ${industries.label(prospect.industryKey)}` : ''}
          {prospect.employeeCount ? ` · ${formatCount(prospect.employeeCount)} employees` : ''}
          {prospect.country && (
            <>
              {' · '}
              <CountryName code={prospect.country} />
            </>
          )}
        </>
      ),
    },
    {
      label: 'Talking to',
      value: [seniority.label(prospect.contactSeniorityKey, ''), functions.label(prospect.contactFunctionKey, '')].filter(Boolean).join(', ') || '—',
    },
    { label: 'Requested by', value: `${request.requester.name}` },
    {
      label: 'References needed',
      value: String(request.referencesNeeded),
    },
  ];
  return (
    <Stack gap="md">
      {request.status === 'blocked' && request.readinessGaps.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconLock aria-hidden />} title="Waiting until the deal is ready">
          <List size="sm" spacing={2}>
            {request.readinessGaps.map((gap) => (
              <List.Item key={gap.message}>{gap.message}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            Update the opportunity when it moves on, then submit again; an admin can also let it through with a reason.
          </Text>
        </Alert>
      )}
      <MetaList items={items} cols={3} />
      <div>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Ideal reference
        </Text>
        <CriteriaList request={request} />
      </div>
      {request.topicKeys.length > 0 && (
        <Text size="sm">
          <Text span size="xs" fw={600} c="dimmed" tt="uppercase">
            Concerns to put to rest:{' '}
          </Text>
          {request.topicKeys.map((key) => topics.label(key)).join(', ')}
        </Text>
      )}
      {request.rushJustification && (
        <Text size="sm">
          <Text span size="xs" fw={600} c="dimmed" tt="uppercase">
            Why it is a rush:{' '}
          </Text>
          {request.rushJustification}
        </Text>
      )}
      {request.readinessOverrideReason && (
        <Text size="sm">
          <Text span size="xs" fw={600} c="dimmed" tt="uppercase">
            Readiness overridden:{' '}
          </Text>
          {request.readinessOverrideReason}
        </Text>
      )}
      {request.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span size="xs" fw={600} c="dimmed" tt="uppercase">
            Note:{' '}
          </Text>
          {request.note}
        </Text>
      )}
    </Stack>
  );
}
