import { Input, SegmentedControl, Stack, Text, Textarea, type TextareaProps } from '@mantine/core';
import { useId } from 'react';
import type { ReferenceStatus } from '../api/types';
import { isReferenceStatus, REFERENCE_STATUS_HELP, REFERENCE_STATUS_OPTIONS } from '../lib/referenceStatus';

interface ReferenceStatusFieldsProps {
  status: ReferenceStatus;
  onStatusChange: (status: ReferenceStatus) => void;
  /** `form.getInputProps(...)` of the two text fields. */
  reasonProps: TextareaProps;
  notesProps: TextareaProps;
}

/** Reference status, the reason for a restriction, and notes: what an account's owner may change. */
export function ReferenceStatusFields({ status, onStatusChange, reasonProps, notesProps }: ReferenceStatusFieldsProps) {
  const labelId = useId();
  return (
    <>
      <Stack gap={4}>
        <Input.Label labelElement="div" id={labelId}>
          Reference status
        </Input.Label>
        <SegmentedControl
          aria-labelledby={labelId}
          data={REFERENCE_STATUS_OPTIONS}
          value={status}
          onChange={(value) => {
            if (isReferenceStatus(value)) onStatusChange(value);
          }}
          fullWidth
        />
        <Text size="xs" c="dimmed">
          {REFERENCE_STATUS_HELP[status]}
        </Text>
      </Stack>
      {status === 'restricted' && (
        <Textarea
          label="Restriction"
          description="What sellers must know before asking: who to avoid, which activities, until when."
          autosize
          minRows={2}
          maxRows={6}
         
          {...reasonProps}
        />
      )}
      <Textarea
        label="Notes"
        description="Context for the program team and sellers."
        autosize
        minRows={2}
        maxRows={8}
        {...notesProps}
      />
    </>
  );
}
