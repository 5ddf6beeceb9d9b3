import { Badge, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useDebouncedCallback } from '@/shared/hooks/useDebouncedCallback';
import { QueryError } from '@/shared/ui/QueryError';
import { useAdvocatesList } from '../../api/advocates';
import { useAdvocateDuplicates, type DuplicateReason } from '../../api/merge';
import type { Advocate } from '../../api/types';

const REASON_LABELS: Record<DuplicateReason, string> = {
  same_email: 'Same e-mail',
  same_name_same_account: 'Same name, same account',
  same_name: 'Same name, other account',
};

function CandidateRow({ advocate, reasons, onPick }: { advocate: Advocate; reasons?: DuplicateReason[]; onPick: (a: Advocate) => void }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div>
          <Text size="sm" fw={600}>
            {advocate.name}
          </Text>
          <Text size="xs" c="dimmed">
            {[advocate.title, advocate.account.name].filter(Boolean).join(' at ')}
          </Text>
          {reasons && (
            <Group gap={4} mt={4}>
              {reasons.map((reason) => (
                <Badge key={reason} size="xs" variant="light" color={reason === 'same_name' ? 'gray' : 'orange'} tt="none">
                  {REASON_LABELS[reason]}
                </Badge>
              ))}
            </Group>
          )}
        </div>
        <Button size="xs" variant="light" onClick={() => onPick(advocate)} aria-label={`Compare with ${advocate.name} at ${advocate.account.name}`}>
          Compare
        </Button>
      </Group>
    </Paper>
  );
}

/** Step one of a merge: a suggested duplicate, or any advocate found by name. */
export function DuplicatePicker({ survivor, onPick }: { survivor: Advocate; onPick: (duplicate: Advocate) => void }) {
  const suggestions = useAdvocateDuplicates(survivor.id, true);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const push = useDebouncedCallback(setQ, 300);
  const found = useAdvocatesList({ q }, { enabled: q.trim().length >= 2 });
  const results = (found.data?.pages ?? []).flatMap((page) => page.items).filter((a) => a.id !== survivor.id);

  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h5" mb="xs">
          Likely duplicates
        </Title>
        {suggestions.isPending && <Loader size="sm" aria-label="Looking for duplicates" />}
        {suggestions.isError && <QueryError error={suggestions.error} title="Couldn't look for duplicates" onRetry={() => void suggestions.refetch()} />}
        {suggestions.isSuccess && suggestions.data.length === 0 && (
          <Text size="sm" c="dimmed">
            No record shares this e-mail or name. Search for the other record below.
          </Text>
        )}
        <Stack gap="xs">
          {suggestions.data?.map((s) => <CandidateRow key={s.advocate.id} advocate={s.advocate} reasons={s.reasons} onPick={onPick} />)}
        </Stack>
      </div>
      <div>
        <TextInput
          label="Find another record"
          description="By first or last name, or title."
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            push(event.currentTarget.value);
          }}
        />
        <Stack gap="xs" mt="xs" aria-live="polite">
          {q.trim().length >= 2 && found.isSuccess && results.length === 0 && (
            <Text size="sm" c="dimmed">
              No other advocate matches “{q.trim()}”.
            </Text>
          )}
          {results.slice(0, 10).map((advocate) => (
            <CandidateRow key={advocate.id} advocate={advocate} onPick={onPick} />
          ))}
        </Stack>
      </div>
    </Stack>
  );
}
