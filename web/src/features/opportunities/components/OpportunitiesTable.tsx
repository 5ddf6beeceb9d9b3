import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CountryName } from '@/features/taxonomy/components/CountryName';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { formatDay } from '@/shared/format/dates';
import { formatUsdCompact } from '@/shared/format/numbers';
import type { Opportunity } from '../api/types';
import { OpportunityBadges } from './OpportunityBadges';

const READINESS_FACTS = ['decisionMakerBuyIn', 'technicalApproval', 'budgetConfirmed', 'finalist'] as const;

export function OpportunitiesTable({ opportunities }: { opportunities: Opportunity[] }) {
  const industries = useTaxonomyLabels('industry');
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Opportunities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Opportunity</Table.Th>
            <Table.Th scope="col">Prospect</Table.Th>
            <Table.Th scope="col">Stage</Table.Th>
            <Table.Th scope="col">Amount</Table.Th>
            <Table.Th scope="col">Close date</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {opportunities.map((o) => {
            const facts = READINESS_FACTS.filter((f) => o[f]).length;
            return (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/opportunities/${o.id}`} fw={600} size="sm">
                    {o.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {facts} of 4 readiness facts confirmed
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{o.prospectName}</Text>
                  <Text size="xs" c="dimmed">
                    {industries.label(o.prospectIndustryKey, 'Industry not recorded')}
                    {o.prospectCountry && ' · '}
                    {o.prospectCountry && <CountryName code={o.prospectCountry} size="xs" />}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <OpportunityBadges opportunity={o} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatUsdCompact(o.amountUsd)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDay(o.closeDate)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{o.owner?.name ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
