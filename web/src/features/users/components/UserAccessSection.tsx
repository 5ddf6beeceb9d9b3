import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserOff } from '@tabler/icons-react';
import type { User } from '@/shared/api/types';
import { errorMessage } from '@/shared/api/apiError';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { useSetUserActive } from '../api/users';

interface UserAccessSectionProps {
  user: User;
  isSelf: boolean;
}

/** Deactivate (with confirmation) or reactivate a person's access. */
export function UserAccessSection({ user, isSelf }: UserAccessSectionProps) {
  const [confirming, confirm] = useDisclosure(false);
  const setActive = useSetUserActive(user.id);
  const active = user.status === 'active';

  const run = (nextActive: boolean) =>
    setActive.mutate(nextActive, {
      onSuccess: (saved) => {
        confirm.close();
        notifySuccess(
          nextActive ? `${saved.name} can sign in again.` : `${saved.name} can no longer sign in and was signed out everywhere.`,
          nextActive ? 'Reactivated' : 'Deactivated',
        );
      },
      onError: (error) => {
        if (!nextActive) return; // shown inside the confirmation dialog
        notifyError(error, "Couldn't reactivate");
      },
    });

  return (
    <Stack gap="xs" component="section" aria-labelledby="access-heading">
      <Title order={3} fz="h5" id="access-heading">
        Access
      </Title>
      {active ? (
        <>
          {isSelf ? (
            <Text size="sm" c="dimmed">
              You can&apos;t deactivate your own account. Another admin can.
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                Deactivating stops {user.name} from signing in and ends their open sessions. Their history stays.
              </Text>
              <Group>
                <Button color="red" variant="light" leftSection={<IconUserOff size={16} aria-hidden />} onClick={confirm.open}>
                  Deactivate…
                </Button>
              </Group>
            </>
          )}
        </>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {user.name} is deactivated and can&apos;t sign in.
          </Text>
          <Group>
            <Button variant="default" onClick={() => run(true)} loading={setActive.isPending}>
              Reactivate
            </Button>
          </Group>
        </>
      )}

      <Modal
        opened={confirming}
        onClose={() => {
          confirm.close();
          setActive.reset();
        }}
        title={`Deactivate ${user.name}?`}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {user.name} ({user.email}) will be signed out everywhere and won&apos;t be able to sign in until an admin
            reactivates them.
          </Text>
          {setActive.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(setActive.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={confirm.close} data-autofocus>
              Keep access
            </Button>
            <Button color="red" onClick={() => run(false)} loading={setActive.isPending}>
              Deactivate
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
