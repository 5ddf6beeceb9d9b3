import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Advocate } from '../../api/types';
import type { AdvocateFormValues } from '../../lib/advocateForm';

interface IdentityFieldsProps {
  form: UseFormReturnType<AdvocateFormValues>;
  /** Editing: what is on file already (never the values themselves). */
  contact?: Advocate['contact'];
}

function ProtectedField({
  form,
  field,
  clearField,
  label,
  onFile,
  type,
}: {
  form: UseFormReturnType<AdvocateFormValues>;
  field: 'email' | 'phone';
  clearField: 'clearEmail' | 'clearPhone';
  label: string;
  onFile: boolean;
  type: 'email' | 'tel';
}) {
  const clearing = form.getValues()[clearField];
  return (
    <Stack gap={4}>
      <TextInput
        label={label}
        type={type}
        autoComplete="off"
        description={
          onFile
            ? `${label} on file (protected). Type a new one to replace it.`
            : 'Protected: shown only through an audited reveal.'
        }
        placeholder={onFile ? 'Keep the one on file' : undefined}
        disabled={clearing}
        {...form.getInputProps(field)}
      />
      {onFile && (
        <Checkbox
          size="xs"
          label={`Remove the ${label.toLowerCase()} on file`}
          {...form.getInputProps(clearField, { type: 'checkbox' })}
        />
      )}
    </Stack>
  );
}

/** Name, title, protected contact details and CRM id. */
export function IdentityFields({ form, contact }: IdentityFieldsProps) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label="First name" autoComplete="off" data-autofocus {...form.getInputProps('firstName')} />
        <TextInput label="Last name" autoComplete="off" {...form.getInputProps('lastName')} />
      </SimpleGrid>
      <TextInput label="Job title" autoComplete="off" placeholder="VP Data Platforms" {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <ProtectedField
          form={form}
          field="email"
          clearField="clearEmail"
          label="E-mail"
          type="email"
          onFile={contact?.hasEmail ?? false}
        />
        <ProtectedField
          form={form}
          field="phone"
          clearField="clearPhone"
          label="Phone"
          type="tel"
          onFile={contact?.hasPhone ?? false}
        />
      </SimpleGrid>
      <TextInput label="CRM id" autoComplete="off" {...form.getInputProps('crmId')} />
    </>
  );
}
