import { Stack, Tabs } from '@mantine/core';
import { IconAdjustments, IconTimeline } from '@tabler/icons-react';
import { useTaxonomy } from '@/features/taxonomy/api/taxonomy';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { SectionCard } from '@/shared/ui/SectionCard';
import { usePipelineStages, useProgramPolicies } from '../api/settings';
import { PipelineStageEditor } from '../components/PipelineStageEditor';
import { ProgramPoliciesForm } from '../components/ProgramPoliciesForm';

const PARAMS = ['tab'] as const;

/** Admin settings of the program: the policies every request follows, and the sales pipeline. */
export function SettingsPage() {
  const [params, setParams] = useSearchParamState(PARAMS);
  const tab = params.tab === 'pipeline' ? 'pipeline' : 'policies';
  const policies = useProgramPolicies();
  const stages = usePipelineStages();
  const activityTypes = useTaxonomy('activity_type');
  const activities = useTaxonomyLabels('activity_type');

  const error = policies.error ?? stages.error ?? activityTypes.error;
  const ready = policies.data && stages.data && activityTypes.data;
  return (
    <>
      <PageHeader
        title="Program settings"
        description="When a deal is ready for a reference, how much notice each kind of reference needs, how often advocates can be asked, and how candidates are matched."
      />
      {error && <QueryError error={error} title="Couldn't load the settings" onRetry={() => void Promise.all([policies.refetch(), stages.refetch(), activityTypes.refetch()])} />}
      {!error && !ready && <CenteredLoader label="Loading the settings" />}
      {ready && (
        <Tabs value={tab} onChange={(value) => setParams({ tab: value === 'pipeline' ? 'pipeline' : null })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="policies" leftSection={<IconAdjustments size={16} aria-hidden />}>
              Program policies
            </Tabs.Tab>
            <Tabs.Tab value="pipeline" leftSection={<IconTimeline size={16} aria-hidden />}>
              Pipeline stages
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="policies">
            <SectionCard title="Program policies">
              <ProgramPoliciesForm data={policies.data} activities={activities} stages={stages.data} />
            </SectionCard>
          </Tabs.Panel>
          <Tabs.Panel value="pipeline">
            <Stack gap="md">
              <SectionCard title="Pipeline stages">
                <PipelineStageEditor stages={stages.data} />
              </SectionCard>
            </Stack>
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}
