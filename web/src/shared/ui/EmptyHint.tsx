import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyHintProps {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  action?: ReactNode;
}

/** An empty list that says what to do next. */
export function EmptyHint({ icon, title, description, action }: EmptyHintProps) {
  return (
    <EmptyState py="xl" icon={icon} variant="light">
      <EmptyState.Title order={2} fz="lg">
        {title}
      </EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
