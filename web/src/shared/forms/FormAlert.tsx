import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { FormProblem } from './serverErrors';

interface FormAlertProps {
  problem: FormProblem | null;
  title?: string;
  onClose?: () => void;
}

/** The server's message for a failed submission, announced to screen readers. */
export function FormAlert({ problem, title, onClose }: FormAlertProps) {
  if (!problem) return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={title}
      withCloseButton={Boolean(onClose)}
      closeButtonLabel="Dismiss message"
      onClose={onClose}
    >
      {problem.message}
      {problem.extra.length > 0 && (
        <List size="sm" mt="xs">
          {problem.extra.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
