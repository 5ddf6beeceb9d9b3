import { FACETS, type Facet } from '@domain/taxonomy/types';
import { Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { plural } from '@/shared/format/numbers';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useTaxonomyFacets, useTaxonomyWithUsage } from '../api/taxonomy';
import type { TaxonomyValue } from '../api/types';
import { AddValueModal } from '../components/AddValueModal';
import { EditValueModal } from '../components/EditValueModal';
import { MergeValueModal } from '../components/MergeValueModal';
import { RetireValueModal } from '../components/RetireValueModal';
import { TaxonomyValuesTable } from '../components/TaxonomyValuesTable';
import type { ValueAction } from '../components/ValueActions';
import { FACET_DESCRIPTIONS, FACET_LABELS } from '../lib/facets';
import { usageUnder, valueRows } from '../lib/valueRows';

const PARAMS = ['facet', 'q', 'retired'] as const;
const DESCRIPTION =
  "The values people pick for accounts, advocates and requests. Records store a value's key, so renaming is safe; " +
  'retire what is no longer used and merge duplicates.';
const isFacet = (value: string): value is Facet => (FACETS as readonly string[]).includes(value);

/** The shared vocabulary of accounts and advocates: add, rename, retire and merge values. */
export function TaxonomyAdminPage() {
  const [params, setParams] = useSearchParamState(PARAMS);
  const facet: Facet = isFacet(params.facet) ? params.facet : 'industry';
  const includeRetired = params.retired === '1';
  const facets = useTaxonomyFacets();
  const query = useTaxonomyWithUsage(facet);
  const [adding, add] = useDisclosure(false);
  const [target, setTarget] = useState<{ action: ValueAction; value: TaxonomyValue } | null>(null);
  const values = query.data ?? [];
  const rows = valueRows(values, { search: params.q, includeRetired });
  const byKey = new Map(values.map((value) => [value.key, value.label]));
  const hiddenRetired = includeRetired ? 0 : values.filter((value) => value.status !== 'live').length;

  const facetOptions = FACETS.map((value) => {
    const counts = facets.data?.find((summary) => summary.facet === value);
    return { value, label: counts ? `${FACET_LABELS[value]} (${counts.live})` : FACET_LABELS[value] };
  });
  const opened = (action: ValueAction) => (target?.action === action ? target.value : null);

  return (
    <>
      <PageHeader
        title="Taxonomy"
        description={DESCRIPTION}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={add.open}>
            Add value
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Facet"
            data={facetOptions}
            value={facet}
            onChange={(value) => setParams({ facet: value, q: null }, { replace: false })}
            allowDeselect={false}
            w={{ base: '100%', sm: 240 }}
          />
          <TextInput
            label="Find a value"
            placeholder="Label or key"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={params.q}
            onChange={(event) => setParams({ q: event.currentTarget.value })}
            w={{ base: '100%', sm: 240 }}
          />
          <Checkbox
            label="Show retired and merged"
            checked={includeRetired}
            onChange={(event) => setParams({ retired: event.currentTarget.checked ? '1' : null })}
            mb={8}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {FACET_DESCRIPTIONS[facet]}
          {hiddenRetired > 0 &&
            ` ${plural(hiddenRetired, 'retired or merged value', 'retired or merged values')} hidden.`}
        </Text>
        {query.isPending && <CenteredLoader label="Loading values" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && rows.length === 0 && (
          <EmptyHint
            icon={<IconTags aria-hidden />}
            title={
              params.q ? `No ${FACET_LABELS[facet].toLowerCase()} value matches “${params.q}”` : 'No values here yet'
            }
            description={
              params.q
                ? 'Check the spelling, include retired values, or add it as a new value.'
                : 'Add the first value so people can pick it.'
            }
            action={<Button onClick={add.open}>Add value</Button>}
          />
        )}
        {rows.length > 0 && (
          <TaxonomyValuesTable
            facet={facet}
            rows={rows}
            labelOf={(key) => byKey.get(key) ?? key}
            usageBelow={usageUnder(values)}
            onAction={(action, value) => setTarget({ action, value })}
          />
        )}
      </Stack>
      <AddValueModal facet={facet} opened={adding} onClose={add.close} values={values} />
      <EditValueModal value={opened('edit')} onClose={() => setTarget(null)} values={values} />
      <MergeValueModal value={opened('merge')} onClose={() => setTarget(null)} values={values} />
      <RetireValueModal value={opened('retire')} onClose={() => setTarget(null)} />
    </>
  );
}
