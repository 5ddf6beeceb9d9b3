import { Anchor, Badge, Table, Text } from '@mantine/core';
import { formatDateTime } from '@/shared/format/dates';
import { formatCount } from '@/shared/format/numbers';
import { IMPORT_KIND_LABELS, type ImportJob } from '../api/types';
import { progressPercent, SOURCE_FORMAT_LABELS, STATUS_LABELS } from '../lib/labels';

interface ImportsTableProps {
  jobs: ImportJob[];
  selectedId: string | null;
  onOpen: (job: ImportJob) => void;
}

const STATUS_COLORS = { uploaded: 'gray', queued: 'indigo', running: 'indigo', completed: 'teal', failed: 'red' } as const;

export function ImportsTable({ jobs, selectedId, onOpen }: ImportsTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Past imports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">File</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Rows</Table.Th>
            <Table.Th scope="col">Created / updated / unchanged / rejected</Table.Th>
            <Table.Th scope="col">Uploaded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <Table.Tr key={job.id} aria-current={job.id === selectedId ? 'true' : undefined}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => onOpen(job)}>
                  {job.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {SOURCE_FORMAT_LABELS[job.sourceFormat]}
                </Text>
              </Table.Td>
              <Table.Td>{IMPORT_KIND_LABELS[job.kind]}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[job.status]} variant="light">
                  {job.status === 'running' ? `${STATUS_LABELS.running} ${progressPercent(job)}%` : STATUS_LABELS[job.status]}
                </Badge>
                {job.status !== 'uploaded' && job.dryRun && (
                  <Text size="xs" c="dimmed">
                    dry run
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatCount(job.totalRows)}</Table.Td>
              <Table.Td>
                {job.status === 'completed'
                  ? [job.counts.created, job.counts.updated, job.counts.unchanged, job.counts.rejected].map((n) => formatCount(n)).join(' / ')
                  : '—'}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(job.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {job.createdBy?.name ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
