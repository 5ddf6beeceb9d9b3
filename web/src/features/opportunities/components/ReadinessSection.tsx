import { Alert, List, Select, Stack, Switch, Text, ThemeIcon } from '@mantine/core';
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

/** Where the deal stands: its stage and the four readiness facts, changed in place by whoever may edit the deal. */
export function DealStandingSection({ opportunity }: { opportunity: OpportunityDetail }) {
  const update = useUpdateOpportunity(opportunity.id);
  const stages = usePipelineStages();
  const editable = opportunity.viewerCanEdit && opportunity.outcome === 'open';
  const save = (changes: Parameters<typeof update.mutate>[0], what: string) =>
    update.mutate(changes, { onSuccess: () => notifySuccess(what), onError: (error) => notifyError(error, "Couldn't save that") });
  const stageOptions = (stages.data ?? [])
    .filter((s) => !s.retired || s.key === opportunity.stageKey)
    .map((s) => ({ value: s.key, label: s.retired ? `${s.label} (retired)` : s.label }));

  return (
    <SectionCard title="Where the deal stands">
      <Select
        label="Stage"
        description={editable ? 'Move the deal along as it progresses.' : undefined}
        data={stageOptions}
        value={opportunity.stageKey}
        onChange={(value) => value && value !== opportunity.stageKey && save({ stageKey: value }, 'Stage updated.')}
        allowDeselect={false}
        disabled={!editable || update.isPending}
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
    </SectionCard>
  );
}

/** For each kind of reference sellers ask for: can it be asked for now, or what is missing, and what to do meanwhile. */
export function ReadinessSection({ opportunity }: { opportunity: OpportunityDetail }) {
  return (
    <SectionCard title="Readiness for a reference">
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
