import { PageHeader } from '@/shared/ui/PageHeader';
import { usePortalPreferences } from '../api/portalProfile';
import { PortalLoadState } from '../components/PortalLoadState';
import { PreferencesForm } from '../components/PreferencesForm';

/** `/portal/preferences`: which activities, how often, and which optional messages. */
export function PortalPreferencesPage() {
  const preferences = usePortalPreferences();
  return (
    <>
      <PageHeader title="Your preferences" description="What you are happy to do, how often, and which messages you get. Changes apply at once." />
      <PortalLoadState label="Loading your preferences" isPending={preferences.isPending} error={preferences.error} onRetry={() => void preferences.refetch()} />
      {preferences.data && <PreferencesForm preferences={preferences.data} />}
    </>
  );
}
