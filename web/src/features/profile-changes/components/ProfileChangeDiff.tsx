import type { Facet } from '@domain/taxonomy/types';
import { Badge, Checkbox, Stack, Table, Text } from '@mantine/core';
import type { ProfileValue, ProposableField } from '@/features/portal-profile/api/types';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import type { TaxonomyLabeler } from '@/features/taxonomy/lib/labeler';
import type { FieldDiff } from '../api/types';

const FACET_OF: Partial<Record<ProposableField, Facet>> = {
  country: 'country',
  languageKeys: 'language',
  topicKeys: 'topic',
  useCaseKeys: 'use_case',
  productKeys: 'product',
};

function useLabelers(): Partial<Record<ProposableField, TaxonomyLabeler>> {
  const country = useTaxonomyLabels('country');
  const language = useTaxonomyLabels('language');
  const topic = useTaxonomyLabels('topic');
  const useCase = useTaxonomyLabels('use_case');
  const product = useTaxonomyLabels('product');
  return { country, languageKeys: language, topicKeys: topic, useCaseKeys: useCase, productKeys: product };
}

/** A value in words; for lists, what the proposal adds and removes stands out. */
function Value({ value, labeler, compareTo }: { value: ProfileValue; labeler?: TaxonomyLabeler; compareTo?: ProfileValue }) {
  const label = (key: string) => (labeler ? labeler.label(key) : key);
  if (value === null || (Array.isArray(value) && value.length === 0)) {
    return (
      <Text size="sm" c="dimmed">
        (none)
      </Text>
    );
  }
  if (!Array.isArray(value)) return <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{labeler ? label(value) : value}</Text>;
  const others = Array.isArray(compareTo) ? compareTo : null;
  return (
    <Text size="sm">
      {value.map((key, i) => (
        <span key={key}>
          {i > 0 && ', '}
          {others && !others.includes(key) ? <strong>{label(key)} (new)</strong> : label(key)}
        </span>
      ))}
    </Text>
  );
}

interface ProfileChangeDiffProps {
  diff: FieldDiff[];
  /** Fields chosen for approval (while pending and decidable). */
  selected?: string[];
  onSelectedChange?: (fields: string[]) => void;
}

/** Field by field: what the advocate saw, what they propose, and what the profile says now. */
export function ProfileChangeDiff({ diff, selected, onSelectedChange }: ProfileChangeDiffProps) {
  const labelers = useLabelers();
  const selectable = selected !== undefined && onSelectedChange !== undefined;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-label="Proposed changes, field by field">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>Proposed</Table.Th>
            <Table.Th>Now</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {diff.map((d) => {
            const labeler = FACET_OF[d.field] ? labelers[d.field] : undefined;
            return (
              <Table.Tr key={d.field}>
                <Table.Td>
                  <Stack gap={4}>
                    {selectable ? (
                      <Checkbox
                        label={d.label}
                        checked={selected.includes(d.field)}
                        onChange={(event) => {
                          const on = event.currentTarget.checked;
                          onSelectedChange(on ? [...selected, d.field] : selected.filter((f) => f !== d.field));
                        }}
                      />
                    ) : (
                      <Text size="sm" fw={600}>
                        {d.label}
                      </Text>
                    )}
                    {d.changedSinceProposal && (
                      <Badge color="orange" variant="light" size="sm">
                        Changed since proposed
                      </Badge>
                    )}
                    {d.alreadyApplied && d.applied === null && (
                      <Badge color="gray" variant="light" size="sm">
                        Already so
                      </Badge>
                    )}
                    {d.applied === true && (
                      <Badge color="teal" variant="light" size="sm">
                        Applied
                      </Badge>
                    )}
                    {d.applied === false && (
                      <Badge color="gray" variant="light" size="sm">
                        Not applied
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Value value={d.before} labeler={labeler} />
                </Table.Td>
                <Table.Td>
                  <Value value={d.proposed} labeler={labeler} compareTo={d.before} />
                </Table.Td>
                <Table.Td>
                  <Value value={d.current} labeler={labeler} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
