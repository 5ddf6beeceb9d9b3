import { Stack, Text } from '@mantine/core';
import { CountryName } from '@/features/taxonomy/components/CountryName';
import { TaxonomyBadges } from '@/features/taxonomy/components/TaxonomyBadges';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { MetaList } from '@/shared/ui/MetaList';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { Advocate } from '../../api/types';
import { ORIENTATION_LABELS } from '../../lib/labels';

function localTime(timeZone: string | null): string | null {
  if (!timeZone) return null;
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date());
  } catch {
    return null;
  }
}

/** Who the advocate is and what they can speak to. */
export function RoleExpertiseSection({ advocate }: { advocate: Advocate }) {
  const seniority = useTaxonomyLabels('seniority');
  const functions = useTaxonomyLabels('function');
  const now = localTime(advocate.timeZone);

  return (
    <SectionCard title="Role and expertise">
      <MetaList
        cols={3}
        items={[
          { label: 'Title', value: advocate.title ?? 'Not recorded' },
          { label: 'Seniority', value: seniority.label(advocate.seniorityKey, 'Not recorded') },
          { label: 'Function', value: functions.label(advocate.functionKey, 'Not recorded') },
          {
            label: 'Technical or business',
            value: advocate.orientation ? ORIENTATION_LABELS[advocate.orientation] : 'Not recorded',
          },
          { label: 'Country', value: <CountryName code={advocate.country} empty="Not recorded" /> },
          {
            label: 'Time zone',
            value: advocate.timeZone ? `${advocate.timeZone}${now ? ` (now ${now})` : ''}` : 'Not recorded',
          },
        ]}
      />
      <Stack gap={4}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Topics they can speak to
        </Text>
        <TaxonomyBadges facet="topic" keys={advocate.topicKeys} />
      </Stack>
      <Stack gap={4}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Use cases
        </Text>
        <TaxonomyBadges facet="use_case" keys={advocate.useCaseKeys} color="grape" />
      </Stack>
      <Stack gap={4}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Products used
        </Text>
        <TaxonomyBadges facet="product" keys={advocate.productKeys} color="cyan" />
      </Stack>
      <Stack gap={4}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Languages
        </Text>
        <TaxonomyBadges facet="language" keys={advocate.languageKeys} color="gray" />
      </Stack>
    </SectionCard>
  );
}
