import type { Role } from '@domain/roles';
import {
  IconAdjustments,
  IconBuildingSkyscraper,
  IconChecklist,
  IconFileImport,
  IconHome,
  IconInbox,
  IconListDetails,
  IconMailForward,
  IconMessages,
  IconPlugConnected,
  IconTags,
  IconTargetArrow,
  IconUserCircle,
  IconUserEdit,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  label: string;
  to: string;
  icon: Icon;
  /** Shown only to people holding one of these roles; everyone when absent. */
  roles?: readonly Role[];
  section: 'main' | 'admin';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', to: '/', icon: IconHome, section: 'main' },
  { label: 'Advocates', to: '/advocates', icon: IconUsersGroup, section: 'main' },
  { label: 'Accounts', to: '/accounts', icon: IconBuildingSkyscraper, section: 'main' },
  { label: 'Opportunities', to: '/opportunities', icon: IconTargetArrow, section: 'main' },
  { label: 'Requests', to: '/requests', icon: IconMessages, roles: ['sales', 'marketing', 'admin'], section: 'main' },
  { label: 'Approvals', to: '/approvals', icon: IconChecklist, roles: ['owner', 'admin'], section: 'main' },
  { label: 'Program queue', to: '/program-queue', icon: IconInbox, roles: ['admin'], section: 'main' },
  { label: 'Profile updates', to: '/profile-changes', icon: IconUserEdit, roles: ['admin'], section: 'main' },
  { label: 'Account', to: '/account', icon: IconUserCircle, section: 'main' },
  { label: 'Users', to: '/admin/users', icon: IconUsers, roles: ['admin'], section: 'admin' },
  { label: 'Audit log', to: '/admin/audit', icon: IconListDetails, roles: ['admin'], section: 'admin' },
  { label: 'Outbox', to: '/admin/outbox', icon: IconMailForward, roles: ['admin'], section: 'admin' },
  { label: 'Integrations', to: '/settings/integrations', icon: IconPlugConnected, roles: ['admin'], section: 'admin' },
  { label: 'Taxonomy', to: '/admin/taxonomy', icon: IconTags, roles: ['admin'], section: 'admin' },
  { label: 'Import', to: '/admin/imports', icon: IconFileImport, roles: ['admin'], section: 'admin' },
  { label: 'Program settings', to: '/admin/settings', icon: IconAdjustments, roles: ['admin'], section: 'admin' },
];

/** The OpenAPI reference, served by the server outside the single-page app. */
export const API_DOCS_URL = '/api/docs';

export function isActivePath(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}
