import { Badge, List, Table, Text } from '@mantine/core';
import type { ImportJob, ImportPreview } from '../api/types';

interface PreviewTableProps {
  job: ImportJob;
  preview: ImportPreview;
}

/** The first rows as Vouch will read them, each with its problems. */
export function PreviewTable({ job, preview }: PreviewTableProps) {
  const fields = job.fields.filter((f) => Object.values(job.mapping).includes(f.field));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" aria-label="Preview of the first rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Row</Table.Th>
            {fields.map((f) => (
              <Table.Th scope="col" key={f.field}>
                {f.label}
              </Table.Th>
            ))}
            <Table.Th scope="col">Check</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => (
            <Table.Tr key={row.rowNumber}>
              <Table.Th scope="row">{row.rowNumber}</Table.Th>
              {fields.map((f) => (
                <Table.Td key={f.field}>
                  <Text size="sm" lineClamp={1} maw={200}>
                    {row.cells[f.field] ?? ''}
                  </Text>
                </Table.Td>
              ))}
              <Table.Td>
                {row.errors.length === 0 ? (
                  <Badge color="teal" variant="light">
                    OK
                  </Badge>
                ) : (
                  <List size="xs" c="red.8">
                    {row.errors.map((e) => (
                      <List.Item key={`${e.field}-${e.reason}`}>
                        {e.field}: {e.reason}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
