import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { flattenPages } from '@/shared/api/pagination';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useMarkAllNotificationsRead, useNotifications, useUnreadCount } from '../api/notifications';
import { NotificationItem } from '../components/NotificationItem';
import classes from '../components/notifications.module.css';
import { useOpenNotification } from '../components/useOpenNotification';

/** `/notifications`: every notice, newest first, or the unread ones only. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParamState(['show'] as const);
  const unreadOnly = params.show === 'unread';
  const query = useNotifications(unreadOnly);
  const items = flattenPages(query.data);
  const unread = useUnreadCount().data ?? 0;
  const markAll = useMarkAllNotificationsRead();
  const open = useOpenNotification();
  const showId = useId();

  const onMarkAll = () =>
    markAll.mutate(undefined, {
      onSuccess: ({ marked }) => notifySuccess(marked === 1 ? '1 notification marked read.' : `${marked} notifications marked read.`),
      onError: (error) => notifyError(error, "Couldn't mark them read"),
    });

  return (
    <>
      <PageHeader
        title="Notifications"
        description="What needs you and what moved on, newest first. E-mails tell you the same; choose the optional ones in your settings."
        actions={
          <>
            <Button variant="default" component={Link} to="/settings/notifications">
              Choose what you get
            </Button>
            <Button onClick={onMarkAll} disabled={unread === 0} loading={markAll.isPending}>
              Mark all read
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group gap="lg" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500} id={showId}>
              Show
            </Text>
            <div role="radiogroup" aria-labelledby={showId}>
              <SegmentedControl
                value={unreadOnly ? 'unread' : 'all'}
                onChange={(value) => setParams({ show: value === 'unread' ? 'unread' : null })}
                data={[
                  { value: 'all', label: 'All' },
                  { value: 'unread', label: unread > 0 ? `Unread (${unread})` : 'Unread' },
                ]}
              />
            </div>
          </Stack>
        </Group>
        {query.isPending && <CenteredLoader label="Loading notifications" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && items.length === 0 && (
          <EmptyHint
            icon={<IconBell aria-hidden />}
            title={unreadOnly ? 'You are all caught up' : 'No notifications yet'}
            description="Vouch tells you here when a request needs your decision, an advocate answers or a call is scheduled."
          />
        )}
        {items.length > 0 && (
          <section aria-label="Notifications">
            <ul className={classes.list}>
              {items.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem notification={notification} onOpen={open} />
                </li>
              ))}
            </ul>
            <LoadMore
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              shown={items.length}
              noun={items.length === 1 ? 'notification' : 'notifications'}
            />
          </section>
        )}
      </Stack>
    </>
  );
}
