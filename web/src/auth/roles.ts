import type { Role } from '../api/types.js';

export const ROLE_LABELS: Record<Role, string> = {
  social_worker: 'Social worker',
  team_manager: 'Team manager',
  service_manager: 'Service manager',
  iro: 'Independent reviewing officer',
  performance_analyst: 'Performance analyst',
  finance: 'Finance officer',
  administrator: 'Administrator',
};

/** Roles that may open child-level lists (the server enforces this; the UI only hides dead links). */
const CHILD_LEVEL_ROLES: ReadonlySet<string> = new Set(['social_worker', 'team_manager', 'service_manager', 'iro', 'performance_analyst']);
/** Roles that see workers' individual caseloads. */
const WORKER_LEVEL_ROLES: ReadonlySet<string> = new Set(['team_manager', 'service_manager', 'performance_analyst']);
/** Roles that may upload data files and see import history (src/server/routes/imports.ts). */
const IMPORT_ROLES: ReadonlySet<string> = new Set(['administrator']);

export const canSeeChildren = (role: string): boolean => CHILD_LEVEL_ROLES.has(role);
export const canSeeWorkers = (role: string): boolean => WORKER_LEVEL_ROLES.has(role);
export const canImport = (role: string): boolean => IMPORT_ROLES.has(role);
export const roleLabel = (role: string): string => (ROLE_LABELS as Record<string, string>)[role] ?? role.replace(/_/g, ' ');
