import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '@/shared/api/apiError';
import { FormAlert } from '@/shared/forms/FormAlert';
import type { FormProblem } from '@/shared/forms/serverErrors';
import { plural } from '@/shared/format/numbers';
import { notifySuccess } from '@/shared/ui/notify';
import { useSavePipelineStages } from '../api/settings';
import type { PipelineStage, PipelineStageInput } from '../api/types';

interface Row extends PipelineStageInput {
  /** A stable id for React and labels: the key, or a temporary one for new stages. */
  rowId: string;
  openOpportunityCount: number;
}

const rowsOf = (stages: PipelineStage[]): Row[] =>
  stages.map((s) => ({ rowId: s.key, key: s.key, label: s.label, description: s.description, retired: s.retired, openOpportunityCount: s.openOpportunityCount }));

/**
 * The ordered sales pipeline: rename, describe, move, add, retire or restore stages. Stages are
 * never deleted: a retired stage keeps its deals (and its place for the readiness rules) until
 * they move on.
 */
export function PipelineStageEditor({ stages }: { stages: PipelineStage[] }) {
  const save = useSavePipelineStages();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(stages));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState(0);

  const change = (index: number, patch: Partial<Row>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) =>
    setRows((all) => {
      const next = [...all];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  const dirty = JSON.stringify(rows.map(({ rowId: _r, openOpportunityCount: _o, ...rest }) => rest)) !==
    JSON.stringify(rowsOf(stages).map(({ rowId: _r, openOpportunityCount: _o, ...rest }) => rest));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setFieldErrors({});
    const blank = rows.findIndex((r) => r.label.trim() === '');
    if (blank >= 0) {
      setFieldErrors({ [`stages.${blank}.label`]: 'Name the stage' });
      return;
    }
    save.mutate(
      rows.map((r) => ({ ...(r.key ? { key: r.key } : {}), label: r.label.trim(), description: r.description?.trim() || null, retired: r.retired })),
      {
        onSuccess: (data) => {
          setRows(rowsOf(data.stages));
          notifySuccess('Sellers see the new pipeline on their opportunities.', 'Pipeline saved');
        },
        onError: (error) => {
          if (error instanceof ApiError) {
            setFieldErrors(error.fieldErrors);
            setProblem({ message: error.userMessage, extra: Object.entries(error.fieldErrors).filter(([f]) => f === 'stages').map(([, r]) => r) });
          } else {
            setProblem({ message: String(error), extra: [] });
          }
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Pipeline stages">
      <Stack gap="sm">
        <FormAlert problem={problem} />
        <Text size="sm" c="dimmed">
          From the first meeting to the signature, top to bottom. Readiness rules compare positions: a deal is "at least at" a stage when it is at
          that stage or below it.
        </Text>
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((row, index) => (
            <Paper component="li" key={row.rowId} withBorder p="sm" opacity={row.retired ? 0.75 : 1}>
              <Group align="flex-start" gap="sm" wrap="nowrap">
                <Stack gap={4} pt={4}>
                  <ActionIcon variant="subtle" aria-label={`Move ${row.label || 'this stage'} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move ${row.label || 'this stage'} down`}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                </Stack>
                <Stack gap="xs" style={{ flex: 1 }}>
                  <Group gap="sm" align="flex-start" wrap="wrap">
                    <TextInput
                      label={`Stage ${index + 1}`}
                      value={row.label}
                      error={fieldErrors[`stages.${index}.label`]}
                      onChange={(event) => change(index, { label: event.currentTarget.value })}
                      w={{ base: '100%', sm: 260 }}
                    />
                    <TextInput
                      label="What it means"
                      value={row.description ?? ''}
                      onChange={(event) => change(index, { description: event.currentTarget.value })}
                      style={{ flex: 1 }}
                      miw={220}
                    />
                  </Group>
                  <Group gap="xs">
                    {row.retired && <Badge color="gray">Retired</Badge>}
                    {!row.key && <Badge color="teal">New</Badge>}
                    <Text size="xs" c="dimmed">
                      {row.openOpportunityCount > 0
                        ? `${plural(row.openOpportunityCount, 'open opportunity', 'open opportunities')} at this stage${row.retired ? ' stay here until moved' : ''}`
                        : 'No open opportunity at this stage'}
                    </Text>
                  </Group>
                </Stack>
                <Button variant="subtle" size="xs" mt={24} color={row.retired ? undefined : 'red'} onClick={() => change(index, { retired: !row.retired })}>
                  {row.retired ? 'Restore' : 'Retire'}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              setAdded((n) => n + 1);
              setRows((all) => [...all, { rowId: `new-${added}`, label: '', description: null, retired: false, openOpportunityCount: 0 }]);
            }}
          >
            Add a stage
          </Button>
          <Group gap="sm">
            <Button variant="default" disabled={!dirty} onClick={() => setRows(rowsOf(stages))}>
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              Save pipeline
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
