import type { AdvocateStatus } from '@domain/advocate-lifecycle';

/** The button for moving from one status to another ("Activate", "Pause"…). */
export function transitionLabel(from: AdvocateStatus, to: AdvocateStatus): string {
  switch (to) {
    case 'nominated':
      return 'Back to nominated';
    case 'in_review':
      if (from === 'nominated') return 'Start review';
      return from === 'retired' || from === 'withdrawn' ? 'Recruit again' : 'Back to review';
    case 'interviewed':
      return 'Mark interviewed';
    case 'active':
      return from === 'paused' ? 'Reactivate' : 'Activate';
    case 'paused':
      return 'Pause';
    case 'retired':
      return 'Retire';
    case 'left_company':
      return 'Left the company';
    case 'withdrawn':
      return 'Record withdrawal';
  }
}

/** Moves that take an advocate out of the program are shown as such. */
export function isLeaving(to: AdvocateStatus): boolean {
  return to === 'retired' || to === 'left_company' || to === 'withdrawn';
}

/** The recruiting path, shown as progress. */
export const RECRUITING_PATH: readonly AdvocateStatus[] = ['nominated', 'in_review', 'interviewed', 'active'];
