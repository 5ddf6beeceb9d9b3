import { Stack, Text, Title } from '@mantine/core';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { Advocate } from '../../api/types';

function Part({ title, text, empty }: { title: string; text: string | null; empty: string }) {
  return (
    <Stack gap={2}>
      <Title order={3} fz="sm" fw={700}>
        {title}
      </Title>
      <Text size="sm" c={text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {text ?? empty}
      </Text>
    </Stack>
  );
}

/** The customer story a prospect will hear: where they were, what they did, what changed. */
export function StorySection({ advocate }: { advocate: Advocate }) {
  const { situation, solution, outcomes } = advocate.story;
  return (
    <SectionCard title="Story">
      <Part title="Situation" text={situation} empty="Not told yet." />
      <Part title="Solution" text={solution} empty="Not told yet." />
      <Part title="Outcomes" text={outcomes} empty="No outcomes recorded yet: numbers here convince prospects most." />
      {advocate.personalityNotes && (
        <Part title="Personality notes" text={advocate.personalityNotes} empty="" />
      )}
    </SectionCard>
  );
}
