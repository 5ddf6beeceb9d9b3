/**
 * Roles and teams of internal users (DESIGN.md §1). Pure data and helpers,
 * shared by the server (authorization) and the web app (navigation).
 */
export const ROLES = ['admin', 'sales', 'owner', 'marketing', 'exec'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Program admin',
  sales: 'Sales',
  owner: 'Relationship owner',
  marketing: 'Marketing',
  exec: 'Executive',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Runs the advocacy program: people, policies, requests, data stewardship and reports.',
  sales: 'Requests customer references for opportunities, schedules the conversation and debriefs it.',
  owner: 'Owns customer relationships: nominates advocates and approves or declines each use of an account.',
  marketing: 'Requests advocates for press, analyst, content, events and reviews, and uses the content library.',
  exec: 'Reads the program value dashboards.',
};

export const TEAMS = [
  'sales',
  'customer_success',
  'pr',
  'analyst_relations',
  'demand_generation',
  'product_marketing',
  'investor_relations',
  'digital',
  'executive',
  'support',
] as const;
export type Team = (typeof TEAMS)[number];

export const TEAM_LABELS: Record<Team, string> = {
  sales: 'Sales',
  customer_success: 'Customer success',
  pr: 'Public relations',
  analyst_relations: 'Analyst relations',
  demand_generation: 'Demand generation',
  product_marketing: 'Product marketing',
  investor_relations: 'Investor relations',
  digital: 'Digital',
  executive: 'Executive',
  support: 'Support',
};

export function hasRole(roles: readonly Role[], role: Role): boolean {
  return roles.includes(role);
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.includes(role));
}

/** Roles sorted in the canonical order, without duplicates. */
export function normalizeRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}
