import { z } from 'zod';
import type { UserRow } from '../../../db/schema/index.js';
import { ROLES, TEAMS } from '../../../domain/roles.js';

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    team: z.enum(TEAMS),
    status: z.enum(['active', 'deactivated']),
    createdAt: z.string(),
    lastSignInAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export type UserView = z.infer<typeof userSchema>;

export function presentUser(user: UserRow): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    team: user.team,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  };
}
