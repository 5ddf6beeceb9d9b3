import { List, Table, Text } from '@mantine/core';
import { flattenPages } from '@/shared/api/pagination';
import { LoadMore } from '@/shared/ui/LoadMore';
import { QueryError } from '@/shared/ui/QueryError';
import { useImportRows } from '../api/imports';
import type { ImportJob } from '../api/types';

interface RejectedRowsTableProps {
  job: ImportJob;
}

/** Every refused row with its number in the file and each field's reason. */
export function RejectedRowsTable({ job }: RejectedRowsTableProps) {
  const query = useImportRows(job.id, 'rejected', job.status === 'completed' && job.counts.rejected > 0);
  const rows = flattenPages(query.data);
  if (job.status !== 'completed' || job.counts.rejected === 0) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <section aria-labelledby="rejected-rows-title">
      <Text id="rejected-rows-title" fw={600} component="h3" m={0} mb="xs">
        Rejected rows
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        Row numbers count data rows, the header being row 0. Fix these rows in the file and import it again: rows already imported will be unchanged.
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label="Rejected rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Record</Table.Th>
              <Table.Th scope="col">Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.rowNumber}>
                <Table.Th scope="row">{row.rowNumber}</Table.Th>
                <Table.Td>
                  <Text size="sm">{row.label ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <List size="sm">
                    {row.errors.map((e) => (
                      <List.Item key={`${e.field}-${e.reason}`}>
                        <Text span fw={600} size="sm">
                          {e.field}
                        </Text>
                        : {e.reason}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage || query.isPending}
        onLoadMore={() => void query.fetchNextPage()}
        shown={rows.length}
        total={job.counts.rejected}
        noun={rows.length === 1 ? 'row' : 'rows'}
      />
    </section>
  );
}
