import { Alert, Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '@/shared/api/apiError';
import { useAdvocateDebrief } from '../api/ask';
import type { AdvocateDebriefState } from '../api/types';

/** After the conversation: how it went for the advocate, through the same link. */
export function AdvocateDebriefForm({ token, state }: { token: string; state: AdvocateDebriefState }) {
  const debrief = useAdvocateDebrief(token);
  const [happened, setHappened] = useState('');
  const [howItWent, setHowItWent] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);

  if (state.alreadyDebriefed || debrief.isSuccess) {
    return (
      <Alert color="teal" variant="light" icon={<IconHeartHandshake aria-hidden />} title="Thank you for your feedback" role="status">
        It helps us look after our advocates, and ask the right people next time.
      </Alert>
    );
  }
  if (!state.open) return null;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!happened) return;
        debrief.mutate({
          happened: happened === 'yes',
          howItWent: howItWent.trim() || null,
          wouldDoAgain: again === '' ? null : again === 'yes',
        });
      }}
    >
      <Stack gap="md">
        <Title order={2} fz="h4">
          How did it go?
        </Title>
        <Text size="sm" c="dimmed">
          A minute of feedback on the {state.activityTypeLabel.toLowerCase()}
          {state.prospectName ? ` with ${state.prospectName}` : ''}.
        </Text>
        <Radio.Group
          label="Did the conversation take place?"
          withAsterisk
          value={happened}
          onChange={setHappened}
          error={tried && !happened ? 'Choose yes or no' : undefined}
        >
          <Group gap="lg" mt="xs">
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
          </Group>
        </Radio.Group>
        <Textarea
          label="How it went"
          placeholder="They asked good questions about the rollout."
          autosize
          minRows={2}
          maxLength={4000}
          value={howItWent}
          onChange={(event) => setHowItWent(event.currentTarget.value)}
        />
        <Radio.Group label="Would you do it again?" value={again} onChange={setAgain}>
          <Group gap="lg" mt="xs">
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="Rather not" />
          </Group>
        </Radio.Group>
        {debrief.isError && (
          <Alert color="red" variant="light" role="alert" title="Your feedback was not saved">
            {errorMessage(debrief.error)}
          </Alert>
        )}
        <Button type="submit" w="fit-content" loading={debrief.isPending}>
          Send feedback
        </Button>
      </Stack>
    </form>
  );
}
