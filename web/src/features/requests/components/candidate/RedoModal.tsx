import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { todayDay } from '@/shared/format/dates';
import { notifySuccess } from '@/shared/ui/notify';
import { useRedoActivity } from '../../api/activities';
import { requestReference } from '../../lib/labels';
import { defaultNeededBy } from '../../lib/requestForm';

interface RedoValues {
  neededBy: string;
  rushJustification: string;
}

/** A redo whose original date has passed needs a new one (the one-click redo asks only then). */
export function RedoModal({ activityId, onClose }: { activityId: string | null; onClose: () => void }) {
  const navigate = useNavigate();
  const redo = useRedoActivity();
  const form = useForm<RedoValues>({
    initialValues: { neededBy: defaultNeededBy(), rushJustification: '' },
    validate: { neededBy: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Choose the new date') },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);
  const submit = form.onSubmit((values) => {
    if (!activityId) return;
    clearProblem();
    redo.mutate(
      { activityId, input: { neededBy: values.neededBy, rushJustification: values.rushJustification.trim() || null } },
      {
        onSuccess: ({ request }) => {
          notifySuccess('Same criteria; matching has started again.', `Redo ${requestReference(request.number)} opened`);
          onClose();
          navigate(`/requests/${request.id}`);
        },
        onError: handleError,
      },
    );
  });
  return (
    <Modal opened={activityId !== null} onClose={onClose} title="Redo with a new date" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">The original date has passed. When do you need the new reference by?</Text>
          <FormAlert problem={problem} />
          <TextInput type="date" label="Needed by" min={todayDay()} withAsterisk data-autofocus {...form.getInputProps('neededBy')} />
          <Textarea
            label="Why so soon? (only if inside the lead time)"
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('rushJustification')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={redo.isPending}>
              Open the redo
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
