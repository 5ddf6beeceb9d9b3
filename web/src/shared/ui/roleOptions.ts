import { ROLE_LABELS, ROLES, TEAM_LABELS, TEAMS, type Role, type Team } from '@domain/roles';

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
export const TEAM_OPTIONS = TEAMS.map((team) => ({ value: team, label: TEAM_LABELS[team] }));

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isTeam(value: string): value is Team {
  return (TEAMS as readonly string[]).includes(value);
}
