import { Alert, Group, List, Select, Stack, Switch, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconClock } from '@tabler/icons-react';
import { usePipelineStages } from '@/features/settings/api/settings';
import { READINESS_FACT_LABELS } from '@/features/settings/lib/policyLabels';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { SectionCard } from '@/shared/ui/SectionCard';
import { useUpdateOpportunity } from '../api/opportunities';
import type { OpportunityDetail } from '../api/types';

const FACTS = [
  { field: 'decisionMakerBuyIn', fact: 'decision_maker_buy_in', hint: 'The person who signs backs the project.' },
  { field: 'technicalApproval', fact: 'technical_approval', hint: "The prospect's technical team has signed off." },
  { field: 'budgetConfirmed', fact: 'budget_confirmed', hint: 'The money is set aside.' },
  { field: 'finalist', fact: 'finalist', hint: 'You are on the shortlist.' },
] as const;

/**
 * Where the deal stands and what that unlocks: the stage and the four readiness facts (changed
 * here by whoever may edit the deal), and for each kind of reference whether it can be asked for
 * now, or what is missing and what to do meanwhile.
 */
export function ReadinessSection({ opportunity }: { opportunity: OpportunityDetail }) {
  const update = useUpdateOpportunity(opportunity.id);
  const stages = usePipelineStages();
  const editable = opportunity.viewerCanEdit && opportunity.outcome === 'open';
  const save = (changes: Parameters<typeof update.mutate>[0], what: string) =>
    update.mutate(changes, { onSuccess: () => notifySuccess(what), onError: (error) => notifyError(error, "Couldn't save that") });
  const stageOptions = (stages.data ?? [])
    .filter((s) => !s.retired || s.key === opportunity.stageKey)
    .map((s) => ({ value: s.key, label: s.retired ? `${s.label} (retired)` : s.label }));

  return (
    <SectionCard title="Readiness for a reference">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Select
          label="Stage"
          description={editable ? 'Move the deal along as it progresses.' : undefined}
          data={stageOptions}
          value={opportunity.stageKey}
          onChange={(value) => value && value !== opportunity.stageKey && save({ stageKey: value }, 'Stage updated.')}
          allowDeselect={false}
          disabled={!editable || update.isPending}
          w={{ base: '100%', sm: 240 }}
        />
        <Stack gap="xs" role="group" aria-label="Readiness facts">
          {FACTS.map(({ field, fact, hint }) => (
            <Switch
              key={field}
              label={READINESS_FACT_LABELS[fact]}
              description={hint}
              checked={opportunity[field]}
              disabled={!editable || update.isPending}
              onChange={(event) =>
                save({ [field]: event.currentTarget.checked }, `${READINESS_FACT_LABELS[fact]}: ${event.currentTarget.checked ? 'yes' : 'no'}.`)
              }
            />
          ))}
        </Stack>
      </Group>
      <Title order={3} fz="h5" mt="sm">
        What the deal is ready for
      </Title>
      {opportunity.readiness.length === 0 ? (
        <Text size="sm" c="dimmed">
          No kind of reference is set up for sales requests yet. An admin adds activity types in Taxonomy and their gates in Program settings.
        </Text>
      ) : (
        <List spacing="sm" listStyleType="none" p={0}>
          {opportunity.readiness.map((r) => (
            <List.Item
              key={r.activityTypeKey}
              icon={
                <ThemeIcon size={22} radius="xl" variant="light" color={r.ready ? 'teal' : 'yellow'} aria-hidden>
                  {r.ready ? <IconCircleCheck size={14} /> : <IconClock size={14} />}
                </ThemeIcon>
              }
            >
              <Text size="sm" fw={600}>
                {r.label}: {r.ready ? 'ready' : 'not yet'}
              </Text>
              {r.gaps.map((gap) => (
                <Text key={gap.kind === 'fact' ? gap.fact : 'stage'} size="sm" c="dimmed">
                  {gap.message}
                </Text>
              ))}
            </List.Item>
          ))}
        </List>
      )}
      {opportunity.meanwhile.length > 0 && (
        <Alert variant="light" color="indigo" title="Meanwhile, without using an advocate's time">
          <List size="sm" spacing={4}>
            {opportunity.meanwhile.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </SectionCard>
  );
}
