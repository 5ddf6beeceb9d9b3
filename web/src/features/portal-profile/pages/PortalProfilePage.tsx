import { Button, Paper, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { notifySuccess } from '@/shared/ui/notify';
import { PageHeader } from '@/shared/ui/PageHeader';
import { usePortalProfile, useProfileOptions } from '../api/portalProfile';
import type { ProposalResult } from '../api/types';
import { PendingChangeBanner } from '../components/PendingChangeBanner';
import { PortalLoadState } from '../components/PortalLoadState';
import { ProfileEditForm } from '../components/ProfileEditForm';
import { ProfileSummary } from '../components/ProfileSummary';
import { StillRightCard } from '../components/StillRightCard';

/** `/portal/profile`: the advocate's profile, their proposed changes and the "still right" check. */
export function PortalProfilePage() {
  const profile = usePortalProfile();
  const options = useProfileOptions();
  const [editing, setEditing] = useState(false);

  const onProposed = (result: ProposalResult) => {
    setEditing(false);
    if (result.outcome === 'verified') notifySuccess('Nothing changed, so your profile is marked as checked today.', 'Profile confirmed');
    else notifySuccess('The program team reviews your changes and you will get an e-mail.', 'Changes sent for review');
  };

  return (
    <>
      <PageHeader
        title="Your profile"
        description="What the program team knows about you, so they ask you only for conversations that fit. Changes wait for their review."
        actions={
          profile.data && !editing ? (
            <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              Update your profile
            </Button>
          ) : undefined
        }
      />
      <PortalLoadState label="Loading your profile" isPending={profile.isPending} error={profile.error} onRetry={() => void profile.refetch()} />
      {profile.data && (
        <Stack gap="md">
          <PendingChangeBanner profile={profile.data} options={options.data} />
          {editing ? (
            <Paper withBorder p="md">
              {options.data ? (
                <ProfileEditForm profile={profile.data} options={options.data} onDone={onProposed} onCancel={() => setEditing(false)} />
              ) : (
                <PortalLoadState label="Loading the choices" isPending={options.isPending} error={options.error} onRetry={() => void options.refetch()} />
              )}
            </Paper>
          ) : (
            <>
              <StillRightCard profile={profile.data} onEdit={() => setEditing(true)} />
              <ProfileSummary profile={profile.data} options={options.data} />
            </>
          )}
        </Stack>
      )}
    </>
  );
}
