import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ReferenceStatusBadge } from '@/features/accounts/components/ReferenceStatusBadge';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { CountryName } from '@/features/taxonomy/components/CountryName';
import { TaxonomyBadges } from '@/features/taxonomy/components/TaxonomyBadges';
import type { Advocate, SearchHitAccount } from '../../api/types';
import { ORIENTATION_LABELS } from '../../lib/labels';
import { AdvocateStatusBadge, FreshnessBadge } from '../StatusBadges';
import classes from './search.module.css';

interface AdvocateResultCardProps {
  advocate: Advocate;
  /** The account's facts, when the search sent them. */
  account?: SearchHitAccount;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** One search result: who they are, where, what they can speak to, and whether they can be asked. */
export function AdvocateResultCard({ advocate, account }: AdvocateResultCardProps) {
  const industries = useTaxonomyLabels('industry');
  const seniority = useTaxonomyLabels('seniority');
  const headingId = `advocate-${advocate.id}`;
  const role = [advocate.title, advocate.orientation ? ORIENTATION_LABELS[advocate.orientation] : null]
    .filter(Boolean)
    .join(' · ');

  return (
    <Paper component="article" withBorder p="md" className={classes.card} aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={3} fz="h4" id={headingId}>
              <Anchor component={Link} to={`/advocates/${advocate.id}`} inherit>
                {advocate.name}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {role || 'No title recorded'}
            </Text>
          </div>
          <Group gap={6} wrap="nowrap">
            <FreshnessBadge freshness={advocate.freshness} />
            <AdvocateStatusBadge status={advocate.status} />
          </Group>
        </Group>
        <Group component="dl" gap="lg" m={0} align="flex-start" wrap="wrap">
          <Fact label="Account">
            <Anchor component={Link} to={`/accounts/${advocate.account.id}`} size="sm">
              {advocate.account.name}
            </Anchor>
          </Fact>
          {account && <Fact label="Industry">{industries.label(account.industryKey)}</Fact>}
          <Fact label="Country">
            <CountryName code={advocate.country ?? account?.hqCountry} />
          </Fact>
          <Fact label="Seniority">{seniority.label(advocate.seniorityKey, 'Not recorded')}</Fact>
          {account && account.referenceStatus !== 'referenceable' && (
            <Fact label="Reference use">
              <ReferenceStatusBadge status={account.referenceStatus} />
            </Fact>
          )}
        </Group>
        <TaxonomyBadges facet="topic" keys={advocate.topicKeys} max={6} empty="No topics recorded" />
      </Stack>
    </Paper>
  );
}
