import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AccountDetail } from '@/features/accounts/api/types';
import { ReferenceStatusBadge } from '@/features/accounts/components/ReferenceStatusBadge';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { CountryName } from '@/features/taxonomy/components/CountryName';
import { SectionCard } from '@/shared/ui/SectionCard';

interface AccountCardProps {
  accountRef: { id: string; name: string };
  /** Loaded separately; the card shows the name at once. */
  account: AccountDetail | undefined;
}

/** The advocate's company: whether it can be referenced, and who owns the relationship. */
export function AccountCard({ accountRef, account }: AccountCardProps) {
  const industries = useTaxonomyLabels('industry');
  return (
    <SectionCard title="Account">
      <Anchor component={Link} to={`/accounts/${accountRef.id}`} fw={600}>
        {accountRef.name}
      </Anchor>
      {account && (
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <ReferenceStatusBadge status={account.referenceStatus} />
            <Text size="sm" c="dimmed">
              {industries.label(account.industryKey, 'Industry not recorded')}
            </Text>
          </Group>
          {account.referenceStatus === 'restricted' && account.restrictionReason && (
            <Text size="sm">
              <strong>Restriction:</strong> {account.restrictionReason}
            </Text>
          )}
          <CountryName code={account.hqCountry} empty="HQ country not recorded" />
          <Text size="sm">
            Relationship owner:{' '}
            {account.owner ? (
              <Anchor href={`mailto:${account.owner.email}`} size="sm" underline="always">
                {account.owner.name}
              </Anchor>
            ) : (
              <Text span c="dimmed" size="sm">
                none
              </Text>
            )}
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}
