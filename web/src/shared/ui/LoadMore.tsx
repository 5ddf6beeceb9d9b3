import { Button, Center, Text } from '@mantine/core';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  shown: number;
  noun: string;
}

/** "Load more" for cursor-paginated lists, with how many rows are on screen. */
export function LoadMore({ hasMore, loading, onLoadMore, shown, noun }: LoadMoreProps) {
  return (
    <Center mt="md" style={{ flexDirection: 'column', gap: 'var(--mantine-spacing-xs)' }}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {hasMore ? `Showing the first ${shown} ${noun}` : `Showing all ${shown} ${noun}`}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          Load more
        </Button>
      )}
    </Center>
  );
}
