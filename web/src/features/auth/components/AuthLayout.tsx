import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ColorSchemeToggle } from '@/shared/ui/ColorSchemeToggle';
import { BrandMark } from '@/shared/ui/BrandMark';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';

interface AuthLayoutProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  width?: number;
}

/** The frame for pages used before signing in: brand, one card, one `<h1>`. */
export function AuthLayout({ title, description, children, width = 440 }: AuthLayoutProps) {
  useDocumentTitle(title);
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-light)" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="space-between" px="lg" py="md" component="header">
        <BrandMark />
        <ColorSchemeToggle />
      </Group>
      <Center component="main" id="main-content" tabIndex={-1} style={{ flex: 1 }} px="md" pb="xl">
        <Stack w="100%" maw={width} gap="lg">
          <Stack gap={6} ta="center">
            <Title order={1} fz="h2">
              {title}
            </Title>
            {description && <Text c="dimmed">{description}</Text>}
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }}>
            {children}
          </Paper>
        </Stack>
      </Center>
      <Text component="footer" size="xs" c="dimmed" ta="center" pb="md" px="md">
        Vouch keeps your customer advocates ready, respected and counted.
      </Text>
    </Box>
  );
}
