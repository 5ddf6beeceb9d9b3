import { TextInput, type TextInputProps } from '@mantine/core';

export interface NumberFieldProps extends Omit<TextInputProps, 'type' | 'value'> {
  value?: number | string;
  min?: number;
  max?: number;
  step?: number | 'any';
}

/**
 * A number typed into a native number input. Lighter than Mantine's NumberInput (which pulls a
 * formatting library into the shared vendor chunk); the form parses the text when saving.
 */
export function NumberField({ value, step = 'any', ...props }: NumberFieldProps) {
  return <TextInput type="number" inputMode="decimal" step={step} value={value ?? ''} {...props} />;
}
