import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CountryName } from '@/features/taxonomy/components/CountryName';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { formatCount } from '@/shared/format/numbers';
import type { Account } from '../api/types';
import { ReferenceStatusBadge } from './ReferenceStatusBadge';

export function AccountsTable({ accounts }: { accounts: Account[] }) {
  const industries = useTaxonomyLabels('industry');
  const sizes = useTaxonomyLabels('company_size');
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Accounts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Account</Table.Th>
            <Table.Th scope="col">Industry</Table.Th>
            <Table.Th scope="col">HQ</Table.Th>
            <Table.Th scope="col">Employees</Table.Th>
            <Table.Th scope="col">Relationship owner</Table.Th>
            <Table.Th scope="col">Reference status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => {
            const industry = industries.get(account.industryKey);
            const sector = industry?.parentKey ? industries.label(industry.parentKey) : null;
            return (
              <Table.Tr key={account.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/accounts/${account.id}`} fw={600} size="sm">
                    {account.name}
                  </Anchor>
                  {account.crmId && (
                    <Text size="xs" c="dimmed">
                      CRM {account.crmId}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{industries.label(account.industryKey)}</Text>
                  {sector && (
                    <Text size="xs" c="dimmed">
                      {sector}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <CountryName code={account.hqCountry} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatCount(account.employeeCount)}</Text>
                  {account.companySize && (
                    <Text size="xs" c="dimmed">
                      {sizes.label(account.companySize)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={account.owner ? undefined : 'dimmed'}>
                    {account.owner?.name ?? 'No owner'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ReferenceStatusBadge status={account.referenceStatus} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
