import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiError, errorMessage } from '@/shared/api/apiError';

interface ProblemAlertProps {
  error: unknown;
  title: string;
}

/** A refused request with each field's reason, announced to screen readers. */
export function ProblemAlert({ error, title }: ProblemAlertProps) {
  const reasons = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title}>
      {errorMessage(error)}
      {reasons.length > 0 && (
        <List size="sm" mt="xs">
          {reasons.map(([field, reason]) => (
            <List.Item key={field}>{field === '(body)' ? `The file ${reason}` : `${field.replace(/^mapping\.?/, '') || 'Mapping'}: ${reason}`}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
