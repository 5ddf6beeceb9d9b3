import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from './types';

/** Default page size for admin lists. */
export const PAGE_SIZE = 50;

export function nextCursorOf<T>(page: Page<T>): string | undefined {
  return page.nextCursor ?? undefined;
}

export function flattenPages<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}
