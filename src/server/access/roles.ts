/**
 * The roles, declared once as data. `childScope` says which children's records a role may open
 * without break-glass; `identified` says whether it sees names, UPN and full dates of birth.
 */
export const ROLES = ['social_worker', 'team_manager', 'service_manager', 'iro', 'performance_analyst', 'finance', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export type ChildScope = 'own_allocations' | 'team' | 'service' | 'reviewed' | 'authority' | 'none';

export interface RoleDefinition {
  label: string;
  childScope: ChildScope;
  /** Sees identifying fields (names, UPN, full date of birth) for children in scope. */
  identified: boolean;
  /** May open a child outside its scope by giving a reason (audited and flagged). */
  breakGlass: boolean;
}

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  social_worker: { label: 'Social worker', childScope: 'own_allocations', identified: true, breakGlass: true },
  team_manager: { label: 'Team manager', childScope: 'team', identified: true, breakGlass: true },
  service_manager: { label: 'Service manager', childScope: 'service', identified: true, breakGlass: true },
  iro: { label: 'Independent reviewing officer', childScope: 'reviewed', identified: true, breakGlass: true },
  performance_analyst: { label: 'Performance analyst', childScope: 'authority', identified: false, breakGlass: false },
  finance: { label: 'Finance officer', childScope: 'none', identified: false, breakGlass: false },
  administrator: { label: 'Administrator', childScope: 'none', identified: false, breakGlass: false },
};

/** Role groups used by the route-rule table. */
export const CASE_ROLES: Role[] = ['social_worker', 'team_manager', 'service_manager', 'iro'];
export const CHILD_LEVEL_ROLES: Role[] = [...CASE_ROLES, 'performance_analyst'];
export const AGGREGATE_ROLES: Role[] = [...CHILD_LEVEL_ROLES, 'finance'];
export const ALL_ROLES: Role[] = [...ROLES];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
