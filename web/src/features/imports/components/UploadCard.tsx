import { Button, FileInput, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useUploadImport } from '../api/imports';
import { IMPORT_KIND_LABELS, type ImportJob, type ImportKind } from '../api/types';
import { ProblemAlert } from './ProblemAlert';

interface UploadCardProps {
  onUploaded: (job: ImportJob) => void;
}

const KIND_OPTIONS = (Object.keys(IMPORT_KIND_LABELS) as ImportKind[]).map((value) => ({ value, label: IMPORT_KIND_LABELS[value] }));

const isKind = (value: string): value is ImportKind => value in IMPORT_KIND_LABELS;

/** Step 1: what to import and the file (picked or dropped). Nothing is imported yet. */
export function UploadCard({ onUploaded }: UploadCardProps) {
  const [kind, setKind] = useState<ImportKind>('accounts');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const upload = useUploadImport();

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  const submit = () => {
    if (!file) return;
    upload.mutate({ kind, file }, { onSuccess: ({ job }) => onUploaded(job) });
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="import-upload-title">
      <Stack gap="md">
        <Text id="import-upload-title" fw={600} size="lg" component="h2" m={0}>
          New import
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="import-kind-label">
            What the file holds
          </Text>
          <SegmentedControl
            aria-labelledby="import-kind-label"
            data={KIND_OPTIONS}
            value={kind}
            onChange={(value) => isKind(value) && setKind(value)}
            w={{ base: '100%', xs: 420 }}
          />
          <Text size="xs" c="dimmed">
            {kind === 'opportunities'
              ? 'Salesforce opportunity or HubSpot deal exports. Owners are matched to Vouch sellers by e-mail or full name; stages to your pipeline.'
              : 'Import accounts first: advocates name their account by its CRM id or its exact name.'}
          </Text>
        </Stack>
        <Paper
          p="lg"
          radius="md"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{ border: `2px dashed var(--mantine-color-${dragging ? 'indigo-6' : 'default-border'})` }}
          data-testid="import-drop-zone"
        >
          <Stack gap="xs" align="center">
            <IconFileSpreadsheet size={32} aria-hidden />
            <Text size="sm" ta="center">
              Drop a CSV exported from Salesforce or HubSpot here, or choose it below.
            </Text>
            <FileInput
              label="CSV file"
              placeholder="Choose a .csv file"
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
              w={{ base: '100%', xs: 420 }}
            />
          </Stack>
        </Paper>
        {upload.isError && <ProblemAlert title="The file was not accepted" error={upload.error} />}
        <Group>
          <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={submit} disabled={!file} loading={upload.isPending}>
            Upload and check columns
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
