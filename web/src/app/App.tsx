import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { markSessionEnded, sessionKey } from '@/features/auth/api/session';
import { onSessionEnded, setCsrfToken } from '@/shared/api/client';
import { createQueryClient } from './queryClient';
import { router } from './routing/router';
import { cssVariablesResolver, theme } from './theme';

/** Must match the key read by public/color-scheme.js before the app starts. */
const colorSchemeManager = localStorageColorSchemeManager({ key: 'vouch-color-scheme' });

export function App() {
  const [queryClient] = useState(createQueryClient);

  // A 401 from any call means the session ended: forget it, and the signed-in layout
  // sends the person to /sign-in with the page they were on as the return path.
  useEffect(() => {
    onSessionEnded(() => {
      if (queryClient.getQueryData(sessionKey)) markSessionEnded();
      setCsrfToken(null);
      queryClient.setQueryData(sessionKey, null);
    });
    return () => onSessionEnded(null);
  }, [queryClient]);

  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
