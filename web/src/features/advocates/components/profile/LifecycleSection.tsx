import { allowedTransitions, type AdvocateStatus } from '@domain/advocate-lifecycle';
import { Badge, Button, Group, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate, formatRelative } from '@/shared/format/dates';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { Advocate } from '../../api/types';
import { ADVOCATE_STATUS_HELP, ADVOCATE_STATUS_LABELS } from '../../lib/labels';
import { isLeaving, RECRUITING_PATH, transitionLabel } from '../../lib/transitions';
import { AdvocateStatusBadge } from '../StatusBadges';
import { StatusChangeModal } from './StatusChangeModal';

/** Where the advocate is in the lifecycle and, for admins, the moves allowed from here. */
export function LifecycleSection({ advocate, canManage }: { advocate: Advocate; canManage: boolean }) {
  const [target, setTarget] = useState<AdvocateStatus | null>(null);
  const next = allowedTransitions(advocate.status);
  const onPath = RECRUITING_PATH.includes(advocate.status);

  return (
    <SectionCard title="Lifecycle">
      {onPath ? (
        <Group gap={4} wrap="wrap" aria-label="Recruiting progress" role="list">
          {RECRUITING_PATH.map((status, index) => (
            <Group key={status} gap={4} wrap="nowrap" role="listitem">
              {index > 0 && <IconArrowRight size={12} aria-hidden />}
              {status === advocate.status ? (
                <AdvocateStatusBadge status={status} />
              ) : (
                <Badge color="gray" variant="transparent" tt="none" fw={500} px={2}>
                  {ADVOCATE_STATUS_LABELS[status]}
                </Badge>
              )}
            </Group>
          ))}
        </Group>
      ) : (
        <Group gap="xs">
          <AdvocateStatusBadge status={advocate.status} />
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {ADVOCATE_STATUS_HELP[advocate.status]}
      </Text>
      <Text size="sm">
        {advocate.lastVerifiedAt ? (
          <>
            Profile verified {formatDate(advocate.lastVerifiedAt)} ({formatRelative(advocate.lastVerifiedAt)})
          </>
        ) : (
          'Profile never verified'
        )}
        {' · '}
        {advocate.points} {advocate.points === 1 ? 'point' : 'points'}
      </Text>
      {canManage && next.length > 0 && (
        <Group gap="xs" wrap="wrap">
          {next.map((status) => (
            <Button
              key={status}
              size="xs"
              variant={isLeaving(status) ? 'subtle' : status === 'active' ? 'filled' : 'default'}
              color={isLeaving(status) ? 'red' : undefined}
              onClick={() => setTarget(status)}
            >
              {transitionLabel(advocate.status, status)}
            </Button>
          ))}
        </Group>
      )}
      {canManage && next.length === 0 && (
        <Text size="sm" c="dimmed">
          This status is final.
        </Text>
      )}
      <StatusChangeModal advocate={advocate} target={target} onClose={() => setTarget(null)} />
    </SectionCard>
  );
}
