import { Text } from '@mantine/core';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { CountryName } from '@/features/taxonomy/components/CountryName';
import { TaxonomyBadges } from '@/features/taxonomy/components/TaxonomyBadges';
import { formatDay } from '@/shared/format/dates';
import { formatCount, formatUsdCompact } from '@/shared/format/numbers';
import { MetaList } from '@/shared/ui/MetaList';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { Account } from '../api/types';
import { DEPLOYMENT_LABELS } from '../lib/referenceStatus';

function withBand(value: string, band: string | null, label: (key: string) => string) {
  return band ? `${value} (${label(band)})` : value;
}

/** What the company is: industry, HQ, size, products and deployment. */
export function AccountFactsSection({ account }: { account: Account }) {
  const industries = useTaxonomyLabels('industry');
  const countries = useTaxonomyLabels('country');
  const sizes = useTaxonomyLabels('company_size');
  const revenues = useTaxonomyLabels('revenue_band');
  const industry = industries.get(account.industryKey);
  const region = countries.get(account.hqCountry)?.attributes['region'];

  return (
    <SectionCard title="Company">
      <MetaList
        cols={3}
        items={[
          {
            label: 'Industry',
            value: industry?.parentKey
              ? `${industries.label(industry.parentKey)} › ${industries.label(account.industryKey)}`
              : industries.label(account.industryKey, 'Not recorded'),
          },
          {
            label: 'Headquarters',
            value: (
              <>
                <CountryName code={account.hqCountry} empty="Not recorded" />
                {typeof region === 'string' && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    · {region}
                  </Text>
                )}
              </>
            ),
          },
          {
            label: 'Employees',
            value:
              account.employeeCount === null
                ? 'Not recorded'
                : withBand(formatCount(account.employeeCount), account.companySize, (k) => sizes.label(k)),
          },
          {
            label: 'Annual revenue',
            value:
              account.annualRevenueUsd === null
                ? 'Not recorded'
                : withBand(formatUsdCompact(account.annualRevenueUsd), account.revenueBand, (k) => revenues.label(k)),
          },
          { label: 'Deployment', value: account.deployment ? DEPLOYMENT_LABELS[account.deployment] : 'Not recorded' },
          { label: 'Seats', value: formatCount(account.seats, 'Not recorded') },
          { label: 'Customer since', value: formatDay(account.customerSince, 'Not recorded') },
          { label: 'Live since', value: formatDay(account.goLiveDate, 'Not recorded') },
          { label: 'CRM id', value: account.crmId ?? 'Not recorded' },
        ]}
      />
      <MetaList
        items={[
          { label: 'Products in use', value: <TaxonomyBadges facet="product" keys={account.productKeys} color="cyan" /> },
          { label: 'Use cases', value: <TaxonomyBadges facet="use_case" keys={account.useCaseKeys} color="grape" /> },
        ]}
      />
    </SectionCard>
  );
}
