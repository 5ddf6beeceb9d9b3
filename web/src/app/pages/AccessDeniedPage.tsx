import { Button, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';

export function AccessDeniedPage() {
  useDocumentTitle("You don't have access");
  return (
    <>
      <Title order={1} fz="h2" ta="center" mt="xl">
        You don&apos;t have access
      </Title>
      <EmptyHint
        icon={<IconLock aria-hidden />}
        title="This page is for program admins"
        description="If you need it for your work, ask a program admin in your organisation to give you the admin role."
        action={
          <Button component={Link} to="/" variant="default">
            Back to home
          </Button>
        }
      />
    </>
  );
}
