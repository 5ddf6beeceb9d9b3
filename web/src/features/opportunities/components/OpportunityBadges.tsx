import { Badge, Group } from '@mantine/core';
import type { Opportunity } from '../api/types';
import { OUTCOME_COLORS, OUTCOME_LABELS } from '../lib/labels';

/** The deal's stage as configured ("(retired)" when the stage was retired since). */
export function StageBadge({ opportunity }: { opportunity: Pick<Opportunity, 'stage' | 'stageKey'> }) {
  const { stage } = opportunity;
  return (
    <Badge variant="light" color={stage?.retired || !stage ? 'gray' : 'indigo'} tt="none">
      {stage ? `${stage.label}${stage.retired ? ' (retired)' : ''}` : opportunity.stageKey}
    </Badge>
  );
}

export function OutcomeBadge({ opportunity }: { opportunity: Pick<Opportunity, 'outcome'> }) {
  return (
    <Badge variant="light" color={OUTCOME_COLORS[opportunity.outcome]}>
      {OUTCOME_LABELS[opportunity.outcome]}
    </Badge>
  );
}

export function OpportunityBadges({ opportunity }: { opportunity: Pick<Opportunity, 'stage' | 'stageKey' | 'outcome'> }) {
  return (
    <Group gap="xs">
      <StageBadge opportunity={opportunity} />
      {opportunity.outcome !== 'open' && <OutcomeBadge opportunity={opportunity} />}
    </Group>
  );
}
