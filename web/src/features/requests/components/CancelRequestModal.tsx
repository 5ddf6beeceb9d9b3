import { END_REASONS, type EndReason } from '@domain/requests/criteria';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { notifySuccess } from '@/shared/ui/notify';
import { useCancelRequest } from '../api/requests';
import { END_REASON_LABELS } from '../lib/labels';

interface CancelValues {
  endReason: EndReason | '';
  note: string;
}

/** Ends a request without a reference, with the reason the reports count. */
export function CancelRequestModal({ requestId, opened, onClose }: { requestId: string; opened: boolean; onClose: () => void }) {
  const cancel = useCancelRequest(requestId);
  const form = useForm<CancelValues>({
    initialValues: { endReason: '', note: '' },
    validate: {
      endReason: (value) => (value ? null : 'Choose why the request ends'),
      note: (value, values) => (values.endReason === 'other' && value.trim() === '' ? 'Say what happened' : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form, { reason: 'note' });
  const close = () => {
    form.reset();
    clearProblem();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    if (!values.endReason) return;
    cancel.mutate(
      { endReason: values.endReason, note: values.note.trim() || null },
      {
        onSuccess: () => {
          notifySuccess('Anyone still waiting on it was told.', 'Request cancelled');
          close();
        },
        onError: handleError,
      },
    );
  });
  return (
    <Modal opened={opened} onClose={close} title="Cancel this request?" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">Pending approvals and asks are withdrawn, and any booked capacity is released.</Text>
          <FormAlert problem={problem} />
          <Select
            label="Why does it end?"
            placeholder="Choose a reason"
            withAsterisk
            data={END_REASONS.map((reason) => ({ value: reason, label: END_REASON_LABELS[reason] }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('endReason')}
            data-autofocus
          />
          <Textarea label="Note" autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Keep the request
            </Button>
            <Button type="submit" color="red" loading={cancel.isPending}>
              Cancel request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
