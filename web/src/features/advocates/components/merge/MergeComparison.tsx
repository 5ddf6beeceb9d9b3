import { resolveAdvocateMerge, type MergeChoiceField, type MergeChoices, type MergeSide } from '@domain/advocate-merge';
import { Group, Radio, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { formatDate } from '@/shared/format/dates';
import type { Advocate } from '../../api/types';
import { ADVOCATE_STATUS_LABELS, ORIENTATION_LABELS } from '../../lib/labels';
import { MERGE_FIELD_LABELS, MERGE_FIELD_ORDER, mergeableOf, ON_FILE } from '../../lib/mergeFields';

interface MergeComparisonProps {
  survivor: Advocate;
  duplicate: Advocate;
  choices: MergeChoices;
  onChoose: (field: MergeChoiceField, side: MergeSide) => void;
}

/** Side by side: every field where the two records differ, with the value to keep. */
export function MergeComparison({ survivor, duplicate, choices, onChoose }: MergeComparisonProps) {
  const seniority = useTaxonomyLabels('seniority');
  const functions = useTaxonomyLabels('function');
  const topics = useTaxonomyLabels('topic');
  const languages = useTaxonomyLabels('language');
  const a = mergeableOf(survivor);
  const b = mergeableOf(duplicate);
  const { merged, sources } = resolveAdvocateMerge(a, b, choices);

  const show = (field: MergeChoiceField, record: Advocate): string => {
    const value = mergeableOf(record)[field];
    if (value === null || value === undefined || value === '') return '—';
    switch (field) {
      case 'accountId':
        return record.account.name;
      case 'seniorityKey':
        return seniority.label(String(value));
      case 'functionKey':
        return functions.label(String(value));
      case 'orientation':
        return record.orientation ? ORIENTATION_LABELS[record.orientation] : '—';
      case 'status':
        return ADVOCATE_STATUS_LABELS[record.status];
      case 'consent':
        return record.consent ? `${record.consent.method}, ${formatDate(record.consent.at)}` : '—';
      case 'email':
      case 'phone':
        return ON_FILE;
      default:
        return String(value);
    }
  };
  // Contact values are unknown here: when both records have one, the admin still chooses.
  const differing = MERGE_FIELD_ORDER.filter(
    (field) => show(field, survivor) !== show(field, duplicate) || ((field === 'email' || field === 'phone') && a[field] !== null && b[field] !== null),
  );

  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" striped>
          <caption>
            <VisuallyHidden>Fields that differ between the two records, and which value to keep</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">This profile</Table.Th>
              <Table.Th scope="col">Duplicate</Table.Th>
              <Table.Th scope="col">Keep</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {differing.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    Every single-value field is the same in both records.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {differing.map((field) => (
              <Table.Tr key={field}>
                <Table.Th scope="row" fw={500}>
                  {MERGE_FIELD_LABELS[field]}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{show(field, survivor)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{show(field, duplicate)}</Table.Td>
                <Table.Td>
                  <Radio.Group
                    value={sources[field]}
                    onChange={(value) => onChoose(field, value === 'duplicate' ? 'duplicate' : 'survivor')}
                    label={<VisuallyHidden>Keep {MERGE_FIELD_LABELS[field]} from</VisuallyHidden>}
                  >
                    <Group gap="sm" wrap="nowrap">
                      <Radio value="survivor" label="This profile" size="xs" />
                      <Radio value="duplicate" label="Duplicate" size="xs" />
                    </Group>
                  </Radio.Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <div>
        <Title order={3} size="h5" mb={4}>
          Combined from both
        </Title>
        <Text size="sm">Topics: {merged.topicKeys.map((k) => topics.label(k)).join(', ') || '—'}</Text>
        <Text size="sm">Languages: {merged.languageKeys.map((k) => languages.label(k)).join(', ') || '—'}</Text>
        <Text size="sm">
          Points: {merged.points} · Last verified: {merged.lastVerifiedAt ? formatDate(merged.lastVerifiedAt.toISOString()) : 'never'} ·
          Blackouts: {survivor.blackouts.length + duplicate.blackouts.length}
        </Text>
        <Text size="sm" c="dimmed">
          Use cases and products are combined too; each activity keeps the more willing answer.
        </Text>
      </div>
    </Stack>
  );
}
