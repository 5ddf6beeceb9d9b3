import { Alert, Badge, Button, Checkbox, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconUserSearch } from '@tabler/icons-react';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { CountryName } from '@/features/taxonomy/components/CountryName';
import { errorMessage } from '@/shared/api/apiError';
import { formatDay } from '@/shared/format/dates';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import type { CandidateMatch, MatchResult, Relaxation } from '../api/types';
import { MatchFactors } from './MatchFactors';

interface MatchListProps {
  result: MatchResult | undefined;
  loading: boolean;
  error: unknown;
  needed: number;
  /** seller_picks: the requester ticks whom to ask; otherwise the program team proposes. */
  picking: boolean;
  picked: readonly string[];
  onTogglePick: (advocateId: string, picked: boolean) => void;
  /** Offered for a relaxation that names a must-have criterion of the form. */
  onRelax?: (relaxation: Relaxation) => void;
  canRelax?: (relaxation: Relaxation) => boolean;
}

function MatchCard({ match, rank, picking, picked, onToggle }: {
  match: CandidateMatch;
  rank: number;
  picking: boolean;
  picked: boolean;
  onToggle: (picked: boolean) => void;
}) {
  const seniority = useTaxonomyLabels('seniority');
  const functions = useTaxonomyLabels('function');
  const persona = [seniority.label(match.seniorityKey, ''), functions.label(match.functionKey, '')].filter(Boolean).join(' · ');
  return (
    <Paper withBorder p="sm" component="li" aria-label={`${rank}. ${match.name}, score ${match.score}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            {picking && (
              <Checkbox
                mt={4}
                checked={picked}
                onChange={(event) => onToggle(event.currentTarget.checked)}
                aria-label={`Pick ${match.name}`}
              />
            )}
            <div>
              <Text fw={600} size="sm">
                {rank}. {match.name}
              </Text>
              <Text size="xs" c="dimmed">
                {[match.title, match.accountName].filter(Boolean).join(', ')}
              </Text>
              <Group gap={6} mt={2}>
                {persona && <Text size="xs">{persona}</Text>}
                {match.country && <CountryName code={match.country} size="xs" />}
              </Group>
            </div>
          </Group>
          <Stack gap={2} align="flex-end">
            <Badge size="lg" variant="light" color={match.score >= 70 ? 'teal' : match.score >= 40 ? 'blue' : 'gray'}>
              {match.score} / 100
            </Badge>
            <Text size="xs" c="dimmed">
              {match.lastUsedOn ? `Last used ${formatDay(match.lastUsedOn)}` : 'Not used yet'}
            </Text>
            {match.willingness === 'ask_first' && (
              <Badge size="xs" variant="outline" color="gray" title="The advocate wants to be asked before each use of this kind">
                Ask first
              </Badge>
            )}
          </Stack>
        </Group>
        <MatchFactors factors={match.factors} />
      </Stack>
    </Paper>
  );
}

/** Ranked, explained matches; what to relax when too few pass. Never shows contact details. */
export function MatchList(props: MatchListProps) {
  const { result, loading, error, needed, picking, picked, onTogglePick, onRelax, canRelax } = props;
  if (!result) {
    if (error) {
      return (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(error)}
        </Alert>
      );
    }
    return (
      <Text size="sm" c="dimmed">
        {loading ? 'Finding matches…' : 'Matches appear here as soon as the activity and the date are chosen.'}
      </Text>
    );
  }
  const tooFew = result.passingCount < needed;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {result.passingCountExact === false ? 'About ' : ''}
        {result.passingCount === 1 ? '1 advocate passes' : `${result.passingCount} advocates pass`} every rule
        {picking ? `. Pick ${needed === 1 ? 'the one' : `the ${needed}`} you want asked.` : '; the program team proposes from them.'}
      </Text>
      {tooFew && result.relaxations.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAdjustmentsHorizontal aria-hidden />} title="Too few matches: what would help">
          <List size="sm" spacing={4}>
            {result.relaxations.map((relaxation) => (
              <List.Item key={`${relaxation.kind}-${relaxation.label}`}>
                <Text span size="sm" fw={600}>
                  {relaxation.label}
                </Text>{' '}
                <Text span size="sm">
                  (+{relaxation.extraCandidates}): {relaxation.suggestion}
                </Text>
                {onRelax && canRelax?.(relaxation) && (
                  <Button variant="subtle" size="compact-xs" ml="xs" onClick={() => onRelax(relaxation)}>
                    Relax it
                  </Button>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {result.candidates.length === 0 ? (
        <EmptyHint
          icon={<IconUserSearch aria-hidden />}
          title="No advocate fits yet"
          description="Turn a must-have into a nice-to-have, widen the country to its region, or move the date later. You can also submit: the program team will look for someone."
        />
      ) : (
        <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Matches" aria-busy={loading}>
          {result.candidates.map((match, index) => (
            <MatchCard
              key={match.advocateId}
              match={match}
              rank={index + 1}
              picking={picking}
              picked={picked.includes(match.advocateId)}
              onToggle={(next) => onTogglePick(match.advocateId, next)}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
