import { Button, Center, Text } from '@mantine/core';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  shown: number;
  noun: string;
  /** How many match in all, when the server says. */
  total?: number;
}

function summary(hasMore: boolean, shown: number, noun: string, total?: number): string {
  if (total !== undefined && total > shown) return `Showing ${shown} of ${total} ${noun}`;
  return hasMore ? `Showing the first ${shown} ${noun}` : `Showing all ${shown} ${noun}`;
}

/** "Load more" for cursor-paginated lists, with how many rows are on screen. */
export function LoadMore({ hasMore, loading, onLoadMore, shown, noun, total }: LoadMoreProps) {
  return (
    <Center mt="md" style={{ flexDirection: 'column', gap: 'var(--mantine-spacing-xs)' }}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {summary(hasMore, shown, noun, total)}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          Load more
        </Button>
      )}
    </Center>
  );
}
