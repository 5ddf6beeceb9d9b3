import { createBrowserRouter, Navigate } from 'react-router';
import { SignInPage } from '@/features/auth/pages/SignInPage';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { SignedInLayout } from '../layout/SignedInLayout';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { RequireAdmin } from './RequireAdmin';

/**
 * Sign-in and the shell load with the first bundle; every other page is its own chunk,
 * fetched when first visited.
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <CenteredLoader minHeight="100dvh" />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      {
        path: '/accept-invitation',
        lazy: async () => ({
          Component: (await import('@/features/auth/pages/AcceptInvitationPage')).AcceptInvitationPage,
        }),
      },
      {
        path: '/ask/:token?',
        lazy: async () => ({ Component: (await import('@/features/ask/pages/AskPage')).AskPage }),
      },
      {
        path: '/portal/sign-in',
        lazy: async () => ({ Component: (await import('@/features/portal/pages/PortalSignInPage')).PortalSignInPage }),
      },
      {
        path: '/portal/auth',
        lazy: async () => ({ Component: (await import('@/features/portal/pages/PortalAuthPage')).PortalAuthPage }),
      },
      {
        path: '/portal',
        lazy: async () => ({ Component: (await import('@/features/portal/components/PortalLayout')).PortalLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('@/features/portal/pages/PortalHomePage')).PortalHomePage }) },
          { path: 'impact', lazy: async () => ({ Component: (await import('@/features/portal/pages/PortalImpactPage')).PortalImpactPage }) },
          { path: 'withdraw', lazy: async () => ({ Component: (await import('@/features/portal/pages/PortalWithdrawPage')).PortalWithdrawPage }) },
          { path: 'profile', lazy: async () => ({ Component: (await import('@/features/portal-profile/pages/PortalProfilePage')).PortalProfilePage }) },
          {
            path: 'availability',
            lazy: async () => ({ Component: (await import('@/features/portal-profile/pages/PortalAvailabilityPage')).PortalAvailabilityPage }),
          },
          {
            path: 'preferences',
            lazy: async () => ({ Component: (await import('@/features/portal-profile/pages/PortalPreferencesPage')).PortalPreferencesPage }),
          },
          { path: '*', element: <Navigate to="/portal" replace /> },
        ],
      },
      {
        element: <SignedInLayout />,
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('@/features/home/pages/HomePage')).HomePage }),
              },
              {
                path: 'advocates',
                lazy: async () => ({
                  Component: (await import('@/features/advocates/pages/AdvocatesSearchPage')).AdvocatesSearchPage,
                }),
              },
              {
                path: 'advocates/:id',
                lazy: async () => ({ Component: (await import('@/features/advocates/pages/AdvocatePage')).AdvocatePage }),
              },
              {
                path: 'accounts',
                lazy: async () => ({ Component: (await import('@/features/accounts/pages/AccountsPage')).AccountsPage }),
              },
              {
                path: 'accounts/:id',
                lazy: async () => ({
                  Component: (await import('@/features/accounts/pages/AccountDetailPage')).AccountDetailPage,
                }),
              },
              {
                path: 'opportunities',
                lazy: async () => ({
                  Component: (await import('@/features/opportunities/pages/OpportunitiesPage')).OpportunitiesPage,
                }),
              },
              {
                path: 'opportunities/:id',
                lazy: async () => ({
                  Component: (await import('@/features/opportunities/pages/OpportunityPage')).OpportunityPage,
                }),
              },
              {
                path: 'requests',
                lazy: async () => ({ Component: (await import('@/features/requests/pages/MyRequestsPage')).MyRequestsPage }),
              },
              {
                path: 'requests/new',
                lazy: async () => ({ Component: (await import('@/features/requests/pages/NewRequestPage')).NewRequestPage }),
              },
              {
                path: 'requests/:id',
                lazy: async () => ({ Component: (await import('@/features/requests/pages/RequestPage')).RequestPage }),
              },
              {
                path: 'requests/:id/edit',
                lazy: async () => ({ Component: (await import('@/features/requests/pages/EditRequestPage')).EditRequestPage }),
              },
              {
                path: 'approvals',
                lazy: async () => ({ Component: (await import('@/features/approvals/pages/ApprovalsPage')).ApprovalsPage }),
              },
              {
                path: 'profile-changes',
                element: <RequireAdmin />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('@/features/profile-changes/pages/ProfileChangesPage')).ProfileChangesPage,
                    }),
                  },
                ],
              },
              {
                path: 'program-queue',
                element: <RequireAdmin />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('@/features/program-queue/pages/ProgramQueuePage')).ProgramQueuePage,
                    }),
                  },
                ],
              },
              {
                path: 'notifications',
                lazy: async () => ({
                  Component: (await import('@/features/notifications/pages/NotificationsPage')).NotificationsPage,
                }),
              },
              {
                path: 'settings/notifications',
                lazy: async () => ({
                  Component: (await import('@/features/notifications/pages/NotificationPreferencesPage'))
                    .NotificationPreferencesPage,
                }),
              },
              {
                path: 'settings/integrations',
                element: <RequireAdmin />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('@/features/integrations/pages/IntegrationsPage')).IntegrationsPage,
                    }),
                  },
                ],
              },
              {
                path: 'account',
                lazy: async () => ({ Component: (await import('@/features/auth/pages/AccountPage')).AccountPage }),
              },
              {
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  { index: true, element: <Navigate to="users" replace /> },
                  {
                    path: 'users',
                    lazy: async () => ({ Component: (await import('@/features/users/pages/UsersPage')).UsersPage }),
                  },
                  {
                    path: 'audit',
                    lazy: async () => ({ Component: (await import('@/features/audit/pages/AuditPage')).AuditPage }),
                  },
                  {
                    path: 'outbox',
                    lazy: async () => ({ Component: (await import('@/features/outbox/pages/OutboxPage')).OutboxPage }),
                  },
                  {
                    path: 'imports',
                    lazy: async () => ({ Component: (await import('@/features/imports/pages/ImportsPage')).ImportsPage }),
                  },
                  {
                    path: 'settings',
                    lazy: async () => ({ Component: (await import('@/features/settings/pages/SettingsPage')).SettingsPage }),
                  },
                  {
                    path: 'taxonomy',
                    lazy: async () => ({
                      Component: (await import('@/features/taxonomy/pages/TaxonomyAdminPage')).TaxonomyAdminPage,
                    }),
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
