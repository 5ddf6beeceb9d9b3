import { Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { flattenPages } from '@/shared/api/pagination';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useImport, useImports } from '../api/imports';
import { ImportJobPanel } from '../components/ImportJobPanel';
import { ImportsTable } from '../components/ImportsTable';
import { UploadCard } from '../components/UploadCard';

/** Admins import accounts and advocates from CRM exports: upload, map, dry run, import, read the report. */
export function ImportsPage() {
  const [params, setParams] = useSearchParamState(['job'] as const);
  const selectedId = params.job || null;
  const job = useImport(selectedId);
  const list = useImports();
  const jobs = flattenPages(list.data);

  return (
    <>
      <PageHeader
        title="Import"
        description="Bring accounts and advocates in from Salesforce or HubSpot exports. Importing the same file again only changes what changed; nothing is written until you press Import."
      />
      <Stack gap="lg">
        <UploadCard onUploaded={(uploaded) => setParams({ job: uploaded.id }, { replace: false })} />
        {selectedId && job.isPending && <CenteredLoader label="Loading the import" />}
        {job.isError && <QueryError error={job.error} onRetry={() => void job.refetch()} />}
        {job.data && <ImportJobPanel key={job.data.id} job={job.data} />}
        <Stack gap="xs" component="section" aria-labelledby="past-imports-title">
          <Text id="past-imports-title" fw={600} size="lg" component="h2" m={0}>
            Past imports
          </Text>
          {list.isPending && <CenteredLoader label="Loading imports" />}
          {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
          {list.isSuccess && jobs.length === 0 && (
            <EmptyHint
              icon={<IconFileImport aria-hidden />}
              title="No imports yet"
              description="Export your accounts from your CRM as CSV, upload the file above, then import its contacts as advocates."
            />
          )}
          {jobs.length > 0 && (
            <>
              <ImportsTable jobs={jobs} selectedId={selectedId} onOpen={(j) => setParams({ job: j.id }, { replace: false })} />
              <LoadMore
                hasMore={list.hasNextPage}
                loading={list.isFetchingNextPage}
                onLoadMore={() => void list.fetchNextPage()}
                shown={jobs.length}
                noun={jobs.length === 1 ? 'import' : 'imports'}
              />
            </>
          )}
        </Stack>
      </Stack>
    </>
  );
}
