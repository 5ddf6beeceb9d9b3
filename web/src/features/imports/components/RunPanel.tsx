import { Alert, Anchor, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconPlayerPlay, IconTestPipe } from '@tabler/icons-react';
import { formatCount } from '@/shared/format/numbers';
import { reportUrl } from '../api/imports';
import type { ImportCounts, ImportJob } from '../api/types';
import { isRunning, missingRequired, OUTCOME_LABELS, progressPercent } from '../lib/labels';
import { ProblemAlert } from './ProblemAlert';

interface RunPanelProps {
  job: ImportJob;
  starting: boolean;
  startError: unknown;
  onRun: (dryRun: boolean) => void;
}

const OUTCOMES: (keyof ImportCounts)[] = ['created', 'updated', 'unchanged', 'rejected'];

/** Dry run and import buttons, the progress bar while a run goes, then what it did. */
export function RunPanel({ job, starting, startError, onRun }: RunPanelProps) {
  const running = isRunning(job);
  const blocked = missingRequired(job, job.mapping).length > 0;
  const percent = progressPercent(job);
  const finished = job.status === 'completed' || job.status === 'failed';
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Button variant="default" leftSection={<IconTestPipe size={16} aria-hidden />} onClick={() => onRun(true)} disabled={running || blocked} loading={starting}>
          Dry run
        </Button>
        <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => onRun(false)} disabled={running || blocked} loading={starting}>
          Import
        </Button>
        <Text size="sm" c="dimmed">
          A dry run checks every row and counts what would change, without writing anything.
        </Text>
      </Group>
      {Boolean(startError) && <ProblemAlert title="The run did not start" error={startError} />}
      {(running || finished) && (
        <Stack gap={6}>
          <Text size="sm" id="import-progress-label" aria-live="polite">
            {running
              ? `${job.dryRun ? 'Dry run' : 'Importing'}: ${formatCount(job.processedRows)} of ${formatCount(job.totalRows)} rows (${percent}%)`
              : `${job.dryRun ? 'Dry run' : 'Import'} ${job.status === 'failed' ? 'stopped' : 'finished'}: ${formatCount(job.processedRows)} of ${formatCount(job.totalRows)} rows`}
          </Text>
          <Progress.Root size="lg">
            <Progress.Section value={percent} animated={running} aria-labelledby="import-progress-label" color={job.status === 'failed' ? 'red' : 'indigo'} />
          </Progress.Root>
        </Stack>
      )}
      {job.status === 'failed' && job.error && (
        <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="The run stopped">
          {job.error}
        </Alert>
      )}
      {finished && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label={job.dryRun ? 'What the import would do' : 'What the import did'} role="group">
            {OUTCOMES.map((outcome) => (
              <Stack key={outcome} gap={0}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {job.dryRun ? `Would be ${OUTCOME_LABELS[outcome].toLowerCase()}` : OUTCOME_LABELS[outcome]}
                </Text>
                <Text fz="xl" fw={700} data-testid={`import-count-${outcome}`}>
                  {formatCount(job.counts[outcome])}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          <Group>
            <Anchor href={reportUrl(job.id)} download size="sm">
              <Group gap={4} component="span">
                <IconDownload size={16} aria-hidden />
                Download report (CSV)
              </Group>
            </Anchor>
          </Group>
        </>
      )}
    </Stack>
  );
}
