import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '@/shared/api/apiError';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { OpportunityForRequest } from '../../api/opportunity';
import { useMatchPreview } from '../../api/preview';
import { initialRequestValues, matchInputOf, prefillFromOpportunity } from '../../lib/requestForm';
import { findReferencesPath } from './OpportunityRequestsPanel';

const SHOWN = 3;

/** For the opportunity page: the best advocates for a reference call on this deal, explained in a line. */
export function SuggestedReferencesPanel({ opportunity }: { opportunity: OpportunityForRequest }) {
  const input = useMemo(
    () => matchInputOf(prefillFromOpportunity(initialRequestValues({ marketing: false }), opportunity), opportunity.id),
    [opportunity],
  );
  const matches = useMatchPreview(opportunity.outcome === 'open' ? input : null);
  const top = matches.data?.candidates.slice(0, SHOWN) ?? [];
  return (
    <SectionCard title="Suggested references">
      {matches.isPending && opportunity.outcome === 'open' && <CenteredLoader label="Finding matches" minHeight={80} />}
      {matches.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(matches.error)}
        </Text>
      )}
      {matches.isSuccess && top.length === 0 && (
        <EmptyHint
          icon={<IconUserSearch aria-hidden />}
          title="No advocate fits yet"
          description="Open “Find references” to widen the criteria; the program team can also recruit for this profile."
        />
      )}
      {top.length > 0 && (
        <Stack gap="xs">
          <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Suggested references">
            {top.map((match) => {
              const best = [...match.factors].sort((a, b) => b.contribution - a.contribution).slice(0, 2);
              return (
                <Group key={match.advocateId} component="li" justify="space-between" wrap="nowrap" gap="sm">
                  <div>
                    <Text size="sm" fw={600}>
                      {match.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[match.title, match.accountName].filter(Boolean).join(', ')}
                      {best.length > 0 ? ` · ${best.map((factor) => factor.detail).join('; ')}` : ''}
                    </Text>
                  </div>
                  <Badge variant="light" style={{ flexShrink: 0 }}>
                    {match.score} / 100
                  </Badge>
                </Group>
              );
            })}
          </Stack>
          <Anchor component={Link} to={findReferencesPath(opportunity.id)} size="sm">
            Find references: pick, check readiness and submit
          </Anchor>
        </Stack>
      )}
    </SectionCard>
  );
}
