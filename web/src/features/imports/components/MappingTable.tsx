import { Alert, Select, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ImportJob } from '../api/types';
import { IGNORE_COLUMN, missingRequired } from '../lib/labels';
import { ProblemAlert } from './ProblemAlert';

interface MappingTableProps {
  job: ImportJob;
  /** The first data rows by column, for example values. */
  sample: string[][];
  disabled: boolean;
  saving: boolean;
  error: unknown;
  onChange: (header: string, field: string | null) => void;
}

/** Each CSV column and the Vouch field it fills, auto-detected and editable. */
export function MappingTable({ job, sample, disabled, saving, error, onChange }: MappingTableProps) {
  const used = new Map(Object.entries(job.mapping).flatMap(([header, field]) => (field ? [[field, header] as const] : [])));
  const missing = missingRequired(job, job.mapping);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label="Column mapping" aria-busy={saving}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">CSV column</Table.Th>
              <Table.Th scope="col">Example</Table.Th>
              <Table.Th scope="col">Vouch field</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.headers.map((header, index) => {
              const example = sample.map((row) => row[index] ?? '').find((value) => value.trim() !== '') ?? '';
              const options = [
                { value: IGNORE_COLUMN, label: 'Ignore this column' },
                ...job.fields.map((f) => ({
                  value: f.field,
                  label: `${f.label}${f.required ? ' (required)' : ''}`,
                  disabled: used.has(f.field) && used.get(f.field) !== header,
                })),
              ];
              return (
                <Table.Tr key={header}>
                  <Table.Th scope="row" fw={500}>
                    {header}
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1} maw={260} title={example}>
                      {example || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Vouch field for column ${header}`}
                      data={options}
                      value={job.mapping[header] ?? IGNORE_COLUMN}
                      onChange={(value) => onChange(header, !value || value === IGNORE_COLUMN ? null : value)}
                      allowDeselect={false}
                      disabled={disabled}
                      w={260}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {missing.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} title="A required field has no column">
          Map a column to {missing.join(', and to ')} before running the import.
        </Alert>
      )}
      {Boolean(error) && <ProblemAlert title="The mapping was not saved" error={error} />}
    </>
  );
}
