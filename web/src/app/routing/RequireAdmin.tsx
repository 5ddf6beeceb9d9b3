import { hasRole } from '@domain/roles';
import { Outlet } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/session';
import { AccessDeniedPage } from '../pages/AccessDeniedPage';

/** Admin pages: others see an explanation (the server refuses them anyway). */
export function RequireAdmin() {
  const user = useCurrentUser();
  return hasRole(user.roles, 'admin') ? <Outlet /> : <AccessDeniedPage />;
}
