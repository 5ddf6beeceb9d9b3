import { Stack } from '@mantine/core';
import { PageHeader } from '@/shared/ui/PageHeader';
import { SectionCard } from '@/shared/ui/SectionCard';
import { usePortalBlackouts } from '../api/portalProfile';
import { AddBlackoutForm } from '../components/AddBlackoutForm';
import { BlackoutList } from '../components/BlackoutList';
import { PortalLoadState } from '../components/PortalLoadState';

/** `/portal/availability`: periods the advocate is away; matching leaves them out at once. */
export function PortalAvailabilityPage() {
  const blackouts = usePortalBlackouts();
  return (
    <>
      <PageHeader
        title="Your availability"
        description="Tell us when you cannot help (holidays, busy seasons). We will not ask you during these periods, starting now."
      />
      <PortalLoadState label="Loading your periods" isPending={blackouts.isPending} error={blackouts.error} onRetry={() => void blackouts.refetch()} />
      {blackouts.data && (
        <Stack gap="md">
          <SectionCard title="Add a period">
            <AddBlackoutForm today={blackouts.data.today} />
          </SectionCard>
          <SectionCard title="Your periods">
            <BlackoutList items={blackouts.data.items} />
          </SectionCard>
        </Stack>
      )}
    </>
  );
}
