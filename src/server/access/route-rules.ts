import type { Role } from './roles.js';

/**
 * Every route declares exactly one rule in its `config.rule`; the server refuses to start if an
 * /api route has none (see server.ts). The rule is checked in one hook, before any handler runs.
 */
export type RouteRule =
  | { access: 'public' }
  /** Any signed-in user. */
  | { access: 'signed_in' }
  /**
   * Signed-in users with one of these roles. With `authorityParam`, the `:laCode` path parameter
   * must be the user's authority (or one of their pool's authorities when `pool` is true).
   */
  | { access: 'roles'; roles: Role[]; authorityParam?: boolean; pool?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    rule?: RouteRule;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  rule: RouteRule;
}

/** Who a rule lets in, as plain data (used by the docs and the permission matrix test). */
/**
 * Forecasts, scenarios and committee reports: planning information for managers, analysts and
 * finance (aggregates only, no child-level data); internal (unsuppressed) reports only for those
 * who already see child-level data for the whole authority or a service.
 */
export const FORECAST_RULE: RouteRule = { access: 'roles', roles: ['team_manager', 'service_manager', 'performance_analyst', 'finance'], authorityParam: true };
export const REPORT_RULE: RouteRule = { access: 'roles', roles: ['team_manager', 'service_manager', 'performance_analyst', 'finance'], authorityParam: true };
export const INTERNAL_REPORT_ROLES: readonly Role[] = ['service_manager', 'performance_analyst'];

export function rolesAllowed(rule: RouteRule, allRoles: readonly Role[]): Role[] | 'anyone' {
  if (rule.access === 'public') return 'anyone';
  if (rule.access === 'signed_in') return [...allRoles];
  return rule.roles;
}
