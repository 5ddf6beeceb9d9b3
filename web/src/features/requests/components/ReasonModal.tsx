import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '@/shared/api/apiError';

interface ReasonModalProps {
  opened: boolean;
  title: string;
  /** What happens, in a sentence, above the reason. */
  intro?: ReactNode;
  label: string;
  placeholder?: string;
  confirmLabel: string;
  /** The reason may be left empty. */
  optional?: boolean;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Confirms an action that needs a reason (decline, withdraw, override); shows the server's refusal. */
export function ReasonModal(props: ReasonModalProps) {
  const { opened, title, intro, label, placeholder, confirmLabel, optional = false, danger = false, pending, error, onConfirm, onClose } = props;
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setReason('');
    setTouched(false);
  }, [opened]);
  const missing = !optional && reason.trim() === '';
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!missing) onConfirm(reason.trim());
        }}
      >
        <Stack gap="md">
          {intro && <Text size="sm">{intro}</Text>}
          <Textarea
            label={label}
            placeholder={placeholder}
            autosize
            minRows={2}
            maxLength={1000}
            withAsterisk={!optional}
            value={reason}
            error={touched && missing ? 'Give a reason: it is kept on the timeline' : undefined}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          {error !== null && error !== undefined && (
            <Alert color="red" variant="light" role="alert" title="Vouch refused this">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
