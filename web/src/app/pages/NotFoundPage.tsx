import { Button, Title } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { EmptyHint } from '@/shared/ui/EmptyHint';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <Title order={1} fz="h2" ta="center" mt="xl">
        Page not found
      </Title>
      <EmptyHint
        icon={<IconMapSearch aria-hidden />}
        title="Nothing lives at this address"
        description="The link may be mistyped or out of date. Use the navigation to find your way."
        action={
          <Button component={Link} to="/" variant="default">
            Back to home
          </Button>
        }
      />
    </>
  );
}
