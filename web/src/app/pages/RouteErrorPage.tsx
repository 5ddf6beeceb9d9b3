import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return 'Unknown error';
}

/** Shown when a page crashes or its code can't be loaded (for example after an upgrade). */
export function RouteErrorPage() {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  const isChunkError = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Center mih="60vh" p="md">
      <Stack maw={520} gap="md" ta="center" align="center">
        <Title order={1} fz="h2">
          Something went wrong
        </Title>
        <Text c="dimmed">
          {isChunkError
            ? 'Vouch was updated since you opened it. Reload the page to get the new version.'
            : 'This page ran into a problem. Reloading usually helps; if it keeps happening, tell your program admin.'}
        </Text>
        {!isChunkError && <Code>{describe(error)}</Code>}
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </Stack>
    </Center>
  );
}
