import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { CountryName } from '@/features/taxonomy/components/CountryName';
import { TaxonomyBadges } from '@/features/taxonomy/components/TaxonomyBadges';
import { formatDay } from '@/shared/format/dates';
import { formatCount, formatUsdCompact } from '@/shared/format/numbers';
import { MetaList } from '@/shared/ui/MetaList';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { Opportunity } from '../api/types';
import { OUTCOME_LABELS } from '../lib/labels';

/** The deal (amount, dates, owner, competition) and the prospect behind it. */
export function OpportunityFactsSection({ opportunity: o }: { opportunity: Opportunity }) {
  const industries = useTaxonomyLabels('industry');
  const sizes = useTaxonomyLabels('company_size');
  const revenues = useTaxonomyLabels('revenue_band');
  const industry = industries.get(o.prospectIndustryKey);
  return (
    <SectionCard title="Deal and prospect">
      <MetaList
        cols={2}
        items={[
          { label: 'Prospect', value: o.prospectName },
          {
            label: 'Industry',
            value: industry?.parentKey
              ? `${industries.label(industry.parentKey)} › ${industries.label(o.prospectIndustryKey)}`
              : industries.label(o.prospectIndustryKey, 'Not recorded'),
          },
          { label: 'Country', value: <CountryName code={o.prospectCountry} empty="Not recorded" /> },
          {
            label: 'Employees',
            value: o.prospectEmployeeCount === null ? 'Not recorded' : `${formatCount(o.prospectEmployeeCount)}${o.prospectCompanySize ? ` (${sizes.label(o.prospectCompanySize)})` : ''}`,
          },
          {
            label: 'Annual revenue',
            value:
              o.prospectAnnualRevenueUsd === null
                ? 'Not recorded'
                : `${formatUsdCompact(o.prospectAnnualRevenueUsd)}${o.prospectRevenueBand ? ` (${revenues.label(o.prospectRevenueBand)})` : ''}`,
          },
          { label: 'Amount', value: formatUsdCompact(o.amountUsd, 'Not recorded') },
          { label: 'Expected close', value: formatDay(o.closeDate, 'Not recorded') },
          { label: 'Owner', value: o.owner?.name ?? 'Unknown' },
          {
            label: 'Outcome',
            value:
              o.outcome === 'open'
                ? 'Open'
                : `${OUTCOME_LABELS[o.outcome]}${o.closedOn ? ` on ${formatDay(o.closedOn)}` : ''}${o.outcome === 'won' && o.amountWonUsd !== null ? ` · ${formatUsdCompact(o.amountWonUsd)}` : ''}`,
          },
          { label: 'CRM id', value: o.crmId ?? 'Not recorded' },
        ]}
      />
      <MetaList
        items={[
          { label: 'Products of interest', value: <TaxonomyBadges facet="product" keys={o.productKeys} color="cyan" /> },
          {
            label: 'Competitors in the deal',
            value:
              o.competitors.length === 0 ? (
                <Text span size="sm" c="dimmed">
                  None recorded
                </Text>
              ) : (
                <Group gap={4} component="span">
                  {o.competitors.map((c) => (
                    <Badge key={c} variant="outline" color="gray" tt="none">
                      {c}
                    </Badge>
                  ))}
                </Group>
              ),
          },
          {
            label: 'Customers never suggested (they compete with the prospect)',
            value:
              o.excludedAccounts.length === 0 ? (
                <Text span size="sm" c="dimmed">
                  None
                </Text>
              ) : (
                <Group gap="xs" component="span">
                  {o.excludedAccounts.map((a) => (
                    <Anchor key={a.id} component={Link} to={`/accounts/${a.id}`} size="sm">
                      {a.name}
                    </Anchor>
                  ))}
                </Group>
              ),
          },
          ...(o.lossReason ? [{ label: 'Why it was lost', value: o.lossReason }] : []),
          ...(o.notes ? [{ label: 'Notes', value: o.notes }] : []),
        ]}
      />
    </SectionCard>
  );
}
