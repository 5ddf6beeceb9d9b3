import type { RouteDeps, ZodApp } from '../types.js';
import { registerPortalActivityRoutes } from './activity-routes.js';
import { registerPortalSessionRoutes } from './session-routes.js';

/** The advocate portal (`/api/portal/*`): public routes that each call requireAdvocate first (except signing in). */
export function registerPortalRoutes(app: ZodApp, deps: RouteDeps): void {
  registerPortalSessionRoutes(app, deps);
  registerPortalActivityRoutes(app, deps);
}
