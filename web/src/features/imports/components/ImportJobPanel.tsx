import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { formatCount } from '@/shared/format/numbers';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { QueryError } from '@/shared/ui/QueryError';
import { useImportPreview, useStartRun, useUpdateMapping } from '../api/imports';
import { IMPORT_KIND_LABELS, type ImportJob } from '../api/types';
import { isRunning, SOURCE_FORMAT_LABELS } from '../lib/labels';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';
import { RejectedRowsTable } from './RejectedRowsTable';
import { RunPanel } from './RunPanel';

interface ImportJobPanelProps {
  job: ImportJob;
}

/** Steps 2 and 3 for one uploaded file: check the mapping and preview, run, read the outcome. */
export function ImportJobPanel({ job }: ImportJobPanelProps) {
  const preview = useImportPreview(job.id);
  const mapping = useUpdateMapping(job.id);
  const run = useStartRun(job.id);
  const running = isRunning(job);

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="import-job-title">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text id="import-job-title" fw={600} size="lg" component="h2" m={0}>
              {job.fileName}
            </Text>
            <Text size="sm" c="dimmed">
              {IMPORT_KIND_LABELS[job.kind]} · {formatCount(job.totalRows)} rows
            </Text>
          </Stack>
          <Badge variant="light" color={job.sourceFormat === 'generic' ? 'gray' : 'indigo'} aria-label={`Detected format: ${SOURCE_FORMAT_LABELS[job.sourceFormat]}`}>
            Detected: {SOURCE_FORMAT_LABELS[job.sourceFormat]}
          </Badge>
        </Group>
        <Stack gap="xs">
          <Text fw={600} component="h3" m={0}>
            Columns
          </Text>
          <MappingTable
            job={job}
            sample={preview.data?.sample ?? []}
            disabled={running || mapping.isPending}
            saving={mapping.isPending}
            error={mapping.isError ? mapping.error : null}
            onChange={(header, field) => mapping.mutate({ [header]: field })}
          />
        </Stack>
        <Stack gap="xs">
          <Text fw={600} component="h3" m={0}>
            Preview
          </Text>
          {preview.isPending && <CenteredLoader label="Reading the first rows" />}
          {preview.isError && <QueryError error={preview.error} onRetry={() => void preview.refetch()} />}
          {preview.data && <PreviewTable job={job} preview={preview.data} />}
        </Stack>
        <RunPanel job={job} starting={run.isPending} startError={run.isError ? run.error : null} onRun={(dryRun) => run.mutate(dryRun)} />
        <RejectedRowsTable job={job} />
      </Stack>
    </Paper>
  );
}
