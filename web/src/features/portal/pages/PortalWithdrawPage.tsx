import { Alert, Button, Checkbox, List, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '@/shared/api/apiError';
import { formatDateTime } from '@/shared/format/dates';
import { PageHeader } from '@/shared/ui/PageHeader';
import { useWithdrawFromProgram } from '../api/portal';
import { usePortalContext } from '../components/PortalLayout';

/** `/portal/withdraw`: leaving the program, after a clear explanation of what it means. */
export function PortalWithdrawPage() {
  const { me } = usePortalContext();
  const withdraw = useWithdrawFromProgram();
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [tried, setTried] = useState(false);
  const org = me.organization.name;

  if (me.advocate.status === 'withdrawn' || withdraw.isSuccess) {
    const at = withdraw.data?.withdrawnAt ?? me.advocate.withdrawnAt;
    return (
      <>
        <PageHeader title="You have withdrawn" />
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="You are no longer in the program" role="status">
          <Stack gap="xs">
            <Text size="sm">
              Since {formatDateTime(at)}, {org} no longer asks you to help, and your consent is recorded as withdrawn.
              {withdraw.data && withdraw.data.withdrawnCandidacies > 0
                ? ` The ${withdraw.data.withdrawnCandidacies === 1 ? 'request you were part of was' : `${withdraw.data.withdrawnCandidacies} requests you were part of were`} told.`
                : ''}
            </Text>
            <Text size="sm">
              You can still sign in to see <Link to="/portal/impact">your impact</Link>. To come back one day, contact the program team.
            </Text>
          </Stack>
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Withdraw from the program" description={`You can stop being a customer advocate for ${org} at any time.`} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (understood) withdraw.mutate(reason.trim() || null);
          }}
        >
          <Stack gap="md">
            <Text fw={600}>What withdrawing means</Text>
            <List size="sm" spacing="xs">
              <List.Item>{org} stops asking you to help, at once: you will not be suggested for any new request.</List.Item>
              <List.Item>Asks waiting for your answer, and conversations you agreed to but that have not happened yet, are cancelled, and the people who asked are told.</List.Item>
              <List.Item>Your consent is recorded as withdrawn today.</List.Item>
              <List.Item>What you already did stays in the record; you can still sign in to see your impact.</List.Item>
              <List.Item>Only the program team can bring you back, with your new consent.</List.Item>
            </List>
            <Textarea
              label="Would you tell us why? (optional)"
              autosize
              minRows={2}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Checkbox
              label="I understand: withdraw me from the program"
              checked={understood}
              onChange={(event) => setUnderstood(event.currentTarget.checked)}
              error={tried && !understood ? 'Tick this box to confirm' : undefined}
            />
            {withdraw.isError && (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title="You were not withdrawn">
                {errorMessage(withdraw.error)}
              </Alert>
            )}
            <Button type="submit" color="red" w="fit-content" loading={withdraw.isPending}>
              Withdraw from the program
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
