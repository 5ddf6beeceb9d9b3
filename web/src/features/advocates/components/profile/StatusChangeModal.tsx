import type { AdvocateStatus } from '@domain/advocate-lifecycle';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '@/shared/api/apiError';
import { notifySuccess } from '@/shared/ui/notify';
import { useChangeAdvocateStatus } from '../../api/advocates';
import type { Advocate } from '../../api/types';
import { ADVOCATE_STATUS_HELP, ADVOCATE_STATUS_LABELS } from '../../lib/labels';
import { isLeaving, transitionLabel } from '../../lib/transitions';

interface StatusChangeModalProps {
  advocate: Advocate;
  /** The status to move to; null when closed. */
  target: AdvocateStatus | null;
  onClose: () => void;
}

/** Confirms a lifecycle move, with an optional reason; shows why the server refused one. */
export function StatusChangeModal({ advocate, target, onClose }: StatusChangeModalProps) {
  const change = useChangeAdvocateStatus(advocate.id);
  const [reason, setReason] = useState('');
  const close = () => {
    change.reset();
    setReason('');
    onClose();
  };
  const action = target ? transitionLabel(advocate.status, target) : '';

  return (
    <Modal opened={target !== null} onClose={close} title={target ? `${action}: ${advocate.name}?` : ''} centered>
      {target && (
        <Stack gap="md">
          <Text size="sm">
            {ADVOCATE_STATUS_LABELS[advocate.status]} → <strong>{ADVOCATE_STATUS_LABELS[target]}</strong>.{' '}
            {ADVOCATE_STATUS_HELP[target]}
          </Text>
          {target === 'active' && !advocate.consent && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="note">
              There is no consent on record, so Vouch will refuse. Record the consent in “Edit profile” first.
            </Alert>
          )}
          {target === 'left_company' && (
            <Text size="sm" c="dimmed">
              This is final: if they join another customer, add them again at that account.
            </Text>
          )}
          <Textarea
            label="Reason (optional)"
            description="Kept in the audit log."
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {change.isError && (
            <Alert color="red" variant="light" role="alert" title="Vouch refused this change">
              {errorMessage(change.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color={isLeaving(target) ? 'red' : undefined}
              loading={change.isPending}
              onClick={() =>
                change.mutate(
                  { status: target, ...(reason.trim() ? { reason: reason.trim() } : {}) },
                  {
                    onSuccess: (saved) => {
                      notifySuccess(`${saved.name} is now ${ADVOCATE_STATUS_LABELS[saved.status].toLowerCase()}.`, 'Status changed');
                      close();
                    },
                  },
                )
              }
            >
              {action}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
