import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router';
import { usePendingProfileChange } from '../api/profileChanges';

/** On an advocate's page (admins): a link to the profile update they proposed, when one waits. */
export function PendingProfileChangeBadge({ advocateId, enabled }: { advocateId: string; enabled: boolean }) {
  const pending = usePendingProfileChange(advocateId, enabled);
  const change = pending.data?.items[0];
  if (!enabled || !change) return null;
  return (
    <Anchor component={Link} to={`/profile-changes?id=${encodeURIComponent(change.id)}`} underline="never">
      <Badge color="indigo" variant="light" style={{ cursor: 'pointer' }}>
        Profile update waiting for review
      </Badge>
    </Anchor>
  );
}
