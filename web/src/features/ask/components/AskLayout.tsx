import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { BrandMark } from '@/shared/ui/BrandMark';
import { ColorSchemeToggle } from '@/shared/ui/ColorSchemeToggle';

interface AskLayoutProps {
  title: string;
  orgName?: string;
  children: ReactNode;
}

/** The advocate's one page: no navigation, no account, one `<h1>`. */
export function AskLayout({ title, orgName, children }: AskLayoutProps) {
  useDocumentTitle(title);
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-light)" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="space-between" px="lg" py="md" component="header">
        <Group gap="sm">
          <BrandMark size="md" />
          {orgName && (
            <Text size="sm" c="dimmed">
              for {orgName}
            </Text>
          )}
        </Group>
        <ColorSchemeToggle />
      </Group>
      <Box component="main" id="main-content" tabIndex={-1} px="md" pb="xl" style={{ flex: 1 }}>
        <Stack maw={680} mx="auto" gap="lg">
          <Title order={1} fz="h2">
            {title}
          </Title>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }}>
            {children}
          </Paper>
        </Stack>
      </Box>
      <Text component="footer" size="xs" c="dimmed" ta="center" pb="md" px="md">
        This private link is yours alone: nobody else can answer for you.
      </Text>
    </Box>
  );
}
