import { Alert, Divider, Stack, Text } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useLocation, useParams } from 'react-router';
import { tokenFromHash } from '@/features/auth/lib/invitationToken';
import { ApiError, errorMessage } from '@/shared/api/apiError';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { QueryError } from '@/shared/ui/QueryError';
import { useAdvocateDebriefState, useAsk } from '../api/ask';
import { AdvocateDebriefForm } from '../components/AdvocateDebriefForm';
import { AnsweredPanel } from '../components/AnsweredPanel';
import { AnswerPanel } from '../components/AnswerPanel';
import { AskDetails } from '../components/AskDetails';
import { AskLayout } from '../components/AskLayout';

/** Statuses after a yes: the same link then takes the advocate's debrief. */
const AFTER_YES = new Set(['accepted', 'scheduled', 'happened', 'did_not_happen']);

function UnusableLink({ message }: { message: string }) {
  return (
    <AskLayout title="This link can’t be used">
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconLinkOff aria-hidden />} title="Link not available">
          {message}
        </Alert>
        <Text size="sm">
          Links like this one are personal and expire after a while. If you still want to help, reply to the e-mail you
          received and the program team will send you a new one.
        </Text>
      </Stack>
    </AskLayout>
  );
}

/**
 * `/ask#token=…` (or `/ask/:token`): the advocate's one page, without an account or a password.
 * The context, then accept, decline with a reason, or propose dates; afterwards, their debrief.
 */
export function AskPage() {
  const params = useParams();
  const location = useLocation();
  const token = params.token ?? tokenFromHash(location.hash);
  const ask = useAsk(token);
  const afterYes = ask.data ? AFTER_YES.has(ask.data.status) : false;
  const debrief = useAdvocateDebriefState(token ?? '', Boolean(token) && afterYes);

  if (!token) return <UnusableLink message="The link is incomplete: open it again from your e-mail, in full." />;
  if (ask.isPending) {
    return (
      <AskLayout title="Your reference request">
        <CenteredLoader label="Loading the request" />
      </AskLayout>
    );
  }
  if (ask.isError) {
    if (ask.error instanceof ApiError && [400, 404, 410].includes(ask.error.status)) {
      return <UnusableLink message={errorMessage(ask.error)} />;
    }
    return (
      <AskLayout title="Your reference request">
        <QueryError error={ask.error} onRetry={() => void ask.refetch()} />
      </AskLayout>
    );
  }
  const data = ask.data;
  return (
    <AskLayout title={`Would you help with a ${data.activityLabel.toLowerCase()}?`} orgName={data.orgName}>
      <Stack gap="lg">
        <AskDetails ask={data} />
        <Divider />
        {data.state === 'open' ? <AnswerPanel token={token} requesterName={data.requester.name} /> : <AnsweredPanel ask={data} />}
        {debrief.data && (debrief.data.open || debrief.data.alreadyDebriefed) && (
          <>
            <Divider />
            <AdvocateDebriefForm token={token} state={debrief.data} />
          </>
        )}
      </Stack>
    </AskLayout>
  );
}
