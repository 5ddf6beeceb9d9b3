import { Button, Chip, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChecks, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ReasonModal } from '@/features/requests/components/ReasonModal';
import { requestReference } from '@/features/requests/lib/labels';
import { errorMessage } from '@/shared/api/apiError';
import { flattenPages } from '@/shared/api/pagination';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useProgramQueue, useQueueActions, type BulkOutcome, type QueueAction } from '../api/programQueue';
import { QUEUE_KINDS, type QueueItem, type QueueKind } from '../api/types';
import { QueueTable, queueKey, type RowAction } from '../components/QueueTable';
import { QUEUE_KIND_HELP, QUEUE_KIND_LABELS } from '../lib/labels';

function isQueueKind(value: string): value is QueueKind {
  return (QUEUE_KINDS as readonly string[]).includes(value);
}

function report(outcome: BulkOutcome, what: string) {
  if (outcome.done > 0) notifySuccess(`${outcome.done} ${outcome.done === 1 ? 'item' : 'items'}: ${what}.`);
  for (const failure of outcome.failed) {
    notifyError(failure.error, `${requestReference(failure.item.request.number)}: ${errorMessage(failure.error)}`);
  }
}

/** `/program-queue` (admins): one queue, most urgent first, with actions on one row or many. */
export function ProgramQueuePage() {
  const [params, setParams] = useSearchParamState(['kind'] as const);
  const kinds = params.kind.split(',').filter(isQueueKind);
  const query = useProgramQueue(kinds);
  const items = flattenPages(query.data);
  const actions = useQueueActions();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [overriding, setOverriding] = useState<QueueItem | null>(null);
  const chosen = items.filter((item) => selected.has(queueKey(item)));
  const noAnswers = chosen.filter((item) => item.kind === 'no_answer');
  const rematches = chosen.filter((item) => item.kind === 'needs_candidates');

  const runActions = (list: QueueAction[], what: string, key: string | null) => {
    setBusyKey(key);
    actions.mutate(list, {
      onSuccess: (outcome) => {
        report(outcome, what);
        setSelected(new Set());
      },
      onSettled: () => setBusyKey(null),
    });
  };

  const onAction = (item: QueueItem, action: RowAction) => {
    if (action === 'override') setOverriding(item);
    else runActions([{ kind: action, item }], action === 'no_answer' ? 'marked as no answer, back to matching' : 'matched again', queueKey(item));
  };

  return (
    <>
      <PageHeader
        title="Program queue"
        description="Everything that needs the program team, most urgent first: overdue approvals, asks without answer, requests waiting for candidates, blocked requests and missing debriefs."
      />
      <Stack gap="md">
        <Chip.Group
          multiple
          value={kinds}
          onChange={(value) => {
            setSelected(new Set());
            setParams({ kind: value.join(',') || null });
          }}
        >
          <Group gap="xs" role="group" aria-label="Show only">
            {QUEUE_KINDS.map((kind) => (
              <Chip key={kind} value={kind} size="sm">
                {QUEUE_KIND_LABELS[kind]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {kinds.length === 1 && kinds[0] && (
          <Text size="sm" c="dimmed">
            {QUEUE_KIND_HELP[kinds[0]]}
          </Text>
        )}
        {chosen.length > 0 && (
          <Paper withBorder p="sm" role="region" aria-label="Bulk actions">
            <Group gap="sm">
              <Text size="sm" fw={600}>
                {chosen.length} selected
              </Text>
              <Button
                size="xs"
                variant="light"
                disabled={noAnswers.length === 0}
                loading={actions.isPending && busyKey === null}
                onClick={() => runActions(noAnswers.map((item) => ({ kind: 'no_answer', item })), 'marked as no answer', null)}
              >
                Mark no answer ({noAnswers.length})
              </Button>
              <Button
                size="xs"
                variant="light"
                disabled={rematches.length === 0}
                loading={actions.isPending && busyKey === null}
                onClick={() => runActions(rematches.map((item) => ({ kind: 'rematch', item })), 'matched again', null)}
              >
                Re-match ({rematches.length})
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
                Clear selection
              </Button>
            </Group>
          </Paper>
        )}
        {query.isPending && <CenteredLoader label="Loading the queue" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && items.length === 0 && (
          <EmptyHint
            icon={kinds.length > 0 ? <IconFilterOff aria-hidden /> : <IconChecks aria-hidden />}
            title={kinds.length > 0 ? 'Nothing of this kind' : 'The queue is empty'}
            description={
              kinds.length > 0
                ? 'Clear the filter to see everything that needs the program team.'
                : 'No approval is late, every ask has an answer and every request has candidates. New requests appear here when they need you.'
            }
            action={
              kinds.length > 0 ? (
                <Button variant="default" onClick={() => setParams({ kind: null })}>
                  Show everything
                </Button>
              ) : undefined
            }
          />
        )}
        {items.length > 0 && (
          <>
            <QueueTable
              items={items}
              selected={selected}
              busyKey={busyKey}
              onAction={onAction}
              onSelect={(key, on) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (on) next.add(key);
                  else next.delete(key);
                  return next;
                })
              }
              onSelectAll={(on) => setSelected(on ? new Set(items.map(queueKey)) : new Set())}
            />
            <LoadMore
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              shown={items.length}
              noun={items.length === 1 ? 'item' : 'items'}
            />
          </>
        )}
      </Stack>
      <ReasonModal
        opened={overriding !== null}
        title={overriding ? `Let ${requestReference(overriding.request.number)} through the readiness check?` : ''}
        intro="It goes to matching although the deal does not meet the rules. Your reason is recorded and audited."
        label="Why it should go ahead"
        confirmLabel="Override and match"
        pending={actions.isPending}
        error={null}
        onClose={() => setOverriding(null)}
        onConfirm={(reason) => {
          if (!overriding) return;
          const item = overriding;
          setOverriding(null);
          runActions([{ kind: 'override', item, reason }], 'let through the readiness check', queueKey(item));
        }}
      />
    </>
  );
}
