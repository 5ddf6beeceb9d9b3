import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/shared/forms/FormAlert';
import { NumberField } from '@/shared/forms/NumberField';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { todayDay } from '@/shared/format/dates';
import { notifySuccess } from '@/shared/ui/notify';
import { useRecordOutcome, type OutcomeResult } from '../../api/outcome';

interface OutcomeValues {
  closedOn: string;
  amountWonUsd: number | string;
  lossReason: string;
}

interface OutcomeModalProps {
  opportunityId: string;
  amountUsd: number | null;
  /** The outcome being recorded; null when closed. */
  outcome: 'won' | 'lost' | null;
  /** Already lost: only what happened is asked (its closing date stays). */
  closedOn?: string | null;
  onClose: () => void;
}

function summary(result: OutcomeResult): string {
  if (result.opportunity.outcome === 'won') {
    return result.impactRecords === 0
      ? 'No advocate took part in a conversation on this deal, so there is no impact to record.'
      : `${result.impactRecords === 1 ? 'One advocate helped' : `${result.impactRecords} advocates helped`} win it: their impact is recorded and they are told.`;
  }
  return result.requestersAsked > 0 ? 'The requesters are asked what happened.' : 'Recorded.';
}

/** Records the deal as won (with the amount) or lost (with what happened). */
export function OutcomeModal({ opportunityId, amountUsd, outcome, closedOn = null, onClose }: OutcomeModalProps) {
  const record = useRecordOutcome(opportunityId);
  const form = useForm<OutcomeValues>({
    initialValues: { closedOn: closedOn ?? todayDay(), amountWonUsd: amountUsd ?? '', lossReason: '' },
    validate: {
      closedOn: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Choose the date it closed'),
      amountWonUsd: (value) => (outcome === 'won' && value !== '' && !(Number(value) >= 0) ? 'Enter an amount in US dollars' : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);
  const close = () => {
    clearProblem();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    if (!outcome) return;
    clearProblem();
    const input =
      outcome === 'won'
        ? { outcome, closedOn: values.closedOn, amountWonUsd: values.amountWonUsd === '' ? null : Math.round(Number(values.amountWonUsd)) }
        : { outcome, closedOn: values.closedOn, lossReason: values.lossReason.trim() || null };
    record.mutate(input, {
      onSuccess: (result) => {
        notifySuccess(summary(result), outcome === 'won' ? 'Marked as won' : 'Marked as lost');
        close();
      },
      onError: handleError,
    });
  });
  return (
    <Modal
      opened={outcome !== null}
      onClose={close}
      title={outcome === 'won' ? 'Mark this deal as won' : closedOn ? 'What happened?' : 'Mark this deal as lost'}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {outcome === 'won'
              ? 'Every advocate who spoke for this deal gets an impact record and a “you helped us win” note.'
              : 'The people who asked for references on it are asked what happened.'}
          </Text>
          <FormAlert problem={problem} />
          {!closedOn && <TextInput type="date" label="Closed on" withAsterisk max={todayDay()} {...form.getInputProps('closedOn')} />}
          {outcome === 'won' ? (
            <NumberField label="Amount won (USD)" min={0} step={1} inputMode="numeric" {...form.getInputProps('amountWonUsd')} />
          ) : (
            <Textarea label="What happened" autosize minRows={2} maxLength={4000} {...form.getInputProps('lossReason')} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={outcome === 'lost' ? 'red' : undefined} loading={record.isPending}>
              {outcome === 'won' ? 'Mark as won' : closedOn ? 'Save' : 'Mark as lost'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
