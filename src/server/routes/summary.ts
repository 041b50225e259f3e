import { sql } from 'kysely';
import { z } from 'zod';
import { AGGREGATE_ROLES } from '../access/roles.js';
import type { ApiApp, ServerContext } from '../context.js';
import { laCodeParam, sendCachedJson } from './common.js';
import { today } from '../access/child-scope.js';

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/**
 * The dashboard's headline counts for one authority on a date: children in need (open
 * referrals), on child protection plans, looked after, and allocated workers per team.
 * Aggregate only, so finance and analysts may see it; cached per authority.
 */
export function registerSummaryRoutes(app: ApiApp, context: ServerContext): void {
  app.get('/api/authorities/:laCode/summary', {
    config: { rule: { access: 'roles', roles: AGGREGATE_ROLES, authorityParam: true, pool: true } },
    schema: { tags: ['dashboard'], params: laCodeParam, querystring: z.object({ date: dateText.optional() }) },
  }, async (request, reply) => {
    const { laCode } = request.params;
    const on = request.query.date ?? today();
    return sendCachedJson(reply, context.cache, laCode, `summary:${on}`, async () => {
      const counts = await sql<{ children: number; open_cin: number; on_cp_plan: number; looked_after: number }>`
        SELECT
          (SELECT count(*) FROM child WHERE la_code = ${laCode}) AS children,
          (SELECT count(DISTINCT child_id) FROM referral WHERE la_code = ${laCode} AND referral_date <= ${on}::date AND (closure_date IS NULL OR closure_date > ${on}::date)) AS open_cin,
          (SELECT count(DISTINCT child_id) FROM cp_plan WHERE la_code = ${laCode} AND start_date <= ${on}::date AND (end_date IS NULL OR end_date > ${on}::date)) AS on_cp_plan,
          (SELECT count(DISTINCT child_id) FROM care_period WHERE la_code = ${laCode} AND start_date <= ${on}::date AND (end_date IS NULL OR end_date > ${on}::date)) AS looked_after
      `.execute(context.db);
      const teams = await sql<{ team_id: string; name: string; workers: number; children: number }>`
        SELECT t.team_id, t.name, count(DISTINCT w.worker_id) AS workers, count(DISTINCT a.child_id) AS children
        FROM team t
        LEFT JOIN worker w ON w.la_code = t.la_code AND w.team_id = t.team_id AND w.start_date <= ${on}::date AND (w.end_date IS NULL OR w.end_date >= ${on}::date)
        LEFT JOIN allocation a ON a.la_code = w.la_code AND a.worker_id = w.worker_id AND a.allocation_role = 'allocated_worker'
          AND a.start_date <= ${on}::date AND (a.end_date IS NULL OR a.end_date >= ${on}::date)
        WHERE t.la_code = ${laCode}
        GROUP BY t.team_id, t.name ORDER BY t.team_id`.execute(context.db);
      const c = counts.rows[0]!;
      return {
        laCode, date: on,
        children: Number(c.children), openCin: Number(c.open_cin), onCpPlan: Number(c.on_cp_plan), lookedAfter: Number(c.looked_after),
        teams: teams.rows.map((t) => ({ teamId: t.team_id, name: t.name, workers: Number(t.workers), allocatedChildren: Number(t.children) })),
      };
    });
  });
}
