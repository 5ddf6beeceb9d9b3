import { MultiSelect, SimpleGrid, type MultiSelectProps } from '@mantine/core';
import { NumberField, type NumberFieldProps } from '@/shared/forms/NumberField';
import { TEAM_OPTIONS } from '@/shared/ui/roleOptions';

interface ActivityTypeFieldsProps {
  weightProps: NumberFieldProps;
  teamsProps: MultiSelectProps;
}

/** An activity type's weight against caps, and the teams that usually ask for it. */
export function ActivityTypeFields({ weightProps, teamsProps }: ActivityTypeFieldsProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <NumberField
        label="Weight"
        description="How much one use counts against caps (more than 0, at most 10)."
        min={0.1}
        max={10}
        step={0.5}
       
        {...weightProps}
      />
      <MultiSelect
        label="Teams that ask for it"
        data={TEAM_OPTIONS}
        comboboxProps={{ withinPortal: true }}
        {...teamsProps}
      />
    </SimpleGrid>
  );
}

export function validateWeight(value: number | string): string | null {
  const n = typeof value === 'number' ? value : Number(value);
  if (value === '' || !Number.isFinite(n)) return 'Enter a weight';
  return n > 0 && n <= 10 ? null : 'Enter more than 0 and at most 10';
}

/** Server messages about attributes belong to these inputs. */
export const ATTRIBUTE_FIELDS: Readonly<Record<string, string>> = { 'attributes.weight': 'weight', 'attributes.teams': 'teams' };

export function validateLabel(value: string): string | null {
  if (value.trim() === '') return 'Enter a label';
  return value.trim().length > 120 ? 'Keep it under 120 characters' : null;
}
