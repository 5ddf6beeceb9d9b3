import { Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { AdvocateFormValues } from '../../lib/advocateForm';

const area = { autosize: true, minRows: 2, maxRows: 10 } as const;

/** The story prospects will hear. */
export function StoryFields({ form }: { form: UseFormReturnType<AdvocateFormValues> }) {
  return (
    <>
      <Textarea
        label="Situation"
        description="Where they were before: the problem, the stakes."
        {...area}
        {...form.getInputProps('storySituation')}
      />
      <Textarea
        label="Solution"
        description="What they did, with which products."
        {...area}
        {...form.getInputProps('storySolution')}
      />
      <Textarea
        label="Outcomes"
        description="What changed, in numbers if possible."
        {...area}
        {...form.getInputProps('storyOutcomes')}
      />
      <Textarea
        label="Personality notes"
        description="How they come across; what to know before a call."
        {...area}
        {...form.getInputProps('personalityNotes')}
      />
    </>
  );
}
