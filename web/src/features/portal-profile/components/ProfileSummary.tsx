import { Stack, Text } from '@mantine/core';
import { MetaList } from '@/shared/ui/MetaList';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { PortalProfile, ProfileOptions } from '../api/types';
import { describeValue } from '../lib/profileForm';

/** The profile as the program team has it now. */
export function ProfileSummary({ profile, options }: { profile: PortalProfile; options?: ProfileOptions }) {
  return (
    <Stack gap="md">
      <SectionCard title="About you">
        <MetaList
          items={[
            { label: 'Name', value: `${profile.firstName} ${profile.lastName}` },
            { label: 'Company', value: profile.account.name },
            { label: 'Job title', value: describeValue(profile.title) },
            { label: 'E-mail', value: describeValue(profile.email) },
            { label: 'Phone', value: describeValue(profile.phone) },
            { label: 'Country', value: describeValue(profile.country, options?.countries) },
            { label: 'Time zone', value: describeValue(profile.timeZone) },
            { label: 'Languages', value: describeValue(profile.languageKeys, options?.languages) },
          ]}
        />
      </SectionCard>
      <SectionCard title="What you can speak to">
        <MetaList
          cols={1}
          items={[
            { label: 'Topics', value: describeValue(profile.topicKeys, options?.topics) },
            { label: 'Use cases', value: describeValue(profile.useCaseKeys, options?.useCases) },
            { label: 'Products', value: describeValue(profile.productKeys, options?.products) },
          ]}
        />
      </SectionCard>
      <SectionCard title="Your story">
        {profile.storySituation || profile.storySolution || profile.storyOutcomes ? (
          <MetaList
            cols={1}
            items={[
              { label: 'The situation', value: describeValue(profile.storySituation) },
              { label: 'The solution', value: describeValue(profile.storySolution) },
              { label: 'The outcomes', value: describeValue(profile.storyOutcomes) },
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Not written yet. A few lines on where you started, what you did and what changed help us ask you for the right conversations.
          </Text>
        )}
      </SectionCard>
    </Stack>
  );
}
