import { Badge, Grid, Group, Paper, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconUserEdit } from '@tabler/icons-react';
import { useId } from 'react';
import { flattenPages } from '@/shared/api/pagination';
import { formatDateTime } from '@/shared/format/dates';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useProfileChange, useProfileChanges } from '../api/profileChanges';
import type { ProfileChangeFilter, ProfileChangeSummary } from '../api/types';
import { ProfileChangeReview } from '../components/ProfileChangeReview';
import { STATUS_COLORS, STATUS_LABELS } from '../components/statusLabels';

const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  phone: 'phone',
  email: 'e-mail',
  country: 'country',
  timeZone: 'time zone',
  languageKeys: 'languages',
  topicKeys: 'topics',
  useCaseKeys: 'use cases',
  productKeys: 'products',
  storySituation: 'story',
  storySolution: 'story',
  storyOutcomes: 'story',
};

function ChangeRow({ item, selected, onSelect }: { item: ProfileChangeSummary; selected: boolean; onSelect: () => void }) {
  const fields = [...new Set(item.fields.map((f) => FIELD_WORDS[f] ?? f))].join(', ');
  return (
    <UnstyledButton onClick={onSelect} aria-current={selected ? 'true' : undefined} style={{ display: 'block', width: '100%' }}>
      <Paper withBorder p="sm" bg={selected ? 'var(--mantine-color-default-hover)' : undefined}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {item.advocate.name}
            </Text>
            <Text size="xs" c="dimmed">
              {item.account.name} · {formatDateTime(item.submittedAt)}
            </Text>
            <Text size="xs">Changes: {fields}</Text>
          </Stack>
          <Badge color={STATUS_COLORS[item.status]} variant="light" size="sm" style={{ flexShrink: 0 }}>
            {item.status === 'pending' ? 'Waiting' : STATUS_LABELS[item.status]}
          </Badge>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

/** `/profile-changes`: advocates' proposed profile updates, reviewed as a diff and approved or rejected. */
export function ProfileChangesPage() {
  const [params, setParams] = useSearchParamState(['status', 'id'] as const);
  const status: ProfileChangeFilter = params.status === 'decided' || params.status === 'all' ? params.status : 'pending';
  const list = useProfileChanges(status);
  const items = flattenPages(list.data);
  const selectedId = params.id || (items[0]?.id ?? null);
  const detail = useProfileChange(selectedId);
  const filterId = useId();
  const pendingCount = list.data?.pages[0]?.pendingCount ?? 0;

  return (
    <>
      <PageHeader
        title="Profile updates"
        description="Changes advocates proposed in their portal. Nothing changes on a profile until you approve; the advocate is told either way."
      />
      <Stack gap="md">
        <Group gap="md" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500} id={filterId}>
              Show
            </Text>
            <div role="radiogroup" aria-labelledby={filterId}>
              <SegmentedControl
                value={status}
                onChange={(value) => setParams({ status: value === 'pending' ? null : value, id: null })}
                data={[
                  { value: 'pending', label: `Waiting (${pendingCount})` },
                  { value: 'decided', label: 'Decided' },
                  { value: 'all', label: 'All' },
                ]}
              />
            </div>
          </Stack>
        </Group>
        {list.isPending && <CenteredLoader label="Loading profile updates" />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {(items.length > 0 || (list.isSuccess && params.id)) && (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="xs" component="nav" aria-label="Proposed profile updates">
                {items.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {status === 'pending' ? 'Nothing else waits for review.' : 'No profile updates here.'}
                  </Text>
                )}
                {items.map((item) => (
                  <ChangeRow key={item.id} item={item} selected={item.id === selectedId} onSelect={() => setParams({ id: item.id })} />
                ))}
                {items.length > 0 && (
                  <LoadMore
                    hasMore={list.hasNextPage}
                    loading={list.isFetchingNextPage}
                    onLoadMore={() => void list.fetchNextPage()}
                    shown={items.length}
                    noun={items.length === 1 ? 'update' : 'updates'}
                  />
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              {detail.isPending && selectedId && <CenteredLoader label="Loading the changes" />}
              {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
              {detail.data && <ProfileChangeReview key={detail.data.id} change={detail.data} onDecided={(id) => setParams({ id })} />}
            </Grid.Col>
          </Grid>
        )}
        {list.isSuccess && items.length === 0 && !params.id && (
          <EmptyHint
            icon={<IconUserEdit aria-hidden />}
            title={status === 'pending' ? 'No profile updates wait for review' : 'No profile updates yet'}
            description="When an advocate proposes changes to their profile in the portal, they appear here."
          />
        )}
      </Stack>
    </>
  );
}
