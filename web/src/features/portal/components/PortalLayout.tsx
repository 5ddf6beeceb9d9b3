import { Navigate, Outlet, useNavigate, useOutletContext } from 'react-router';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { QueryError } from '@/shared/ui/QueryError';
import { usePortalMe, usePortalSignOut } from '../api/portal';
import type { PortalMe } from '../api/types';
import { PortalFrame } from './PortalFrame';

/** What signed-in portal pages get from the layout. */
export interface PortalContext {
  me: PortalMe;
}

export function usePortalContext(): PortalContext {
  return useOutletContext<PortalContext>();
}

/** The signed-in part of the portal, in its own shell: without a session, back to the portal's sign-in page. */
export function PortalLayout() {
  const me = usePortalMe();
  const signOut = usePortalSignOut();
  const navigate = useNavigate();

  if (me.isPending) return <CenteredLoader minHeight="100dvh" label="Loading your page" />;
  if (me.isError) {
    return (
      <PortalFrame title="Your page">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </PortalFrame>
    );
  }
  if (!me.data) return <Navigate to="/portal/sign-in" replace />;
  const data = me.data;
  return (
    <PortalFrame
      orgName={data.organization.name}
      advocate={{
        name: `${data.advocate.firstName} ${data.advocate.lastName}`,
        signingOut: signOut.isPending,
        onSignOut: () => signOut.mutate(undefined, { onSettled: () => void navigate('/portal/sign-in', { replace: true }) }),
      }}
    >
      <Outlet context={{ me: data } satisfies PortalContext} />
    </PortalFrame>
  );
}
