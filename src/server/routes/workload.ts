import { z } from 'zod';
import { capacityPlanAt, caseloadSummaryAt, type CaseloadSummary } from '../../workload/index.js';
import { today } from '../access/child-scope.js';
import type { Role } from '../access/roles.js';
import type { ApiApp, ServerContext } from '../context.js';
import { laCodeParam, sendCachedJson } from './common.js';

const dateQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional() });
/** Worker-level caseloads are internal management information (privacy.md §5.2.7). */
const WORKLOAD_ROLES: Role[] = ['team_manager', 'service_manager', 'performance_analyst', 'finance'];

/** Unallocated work is shown as counts and waiting times, never child ids (this is an aggregate route). */
function withoutChildIds(summary: CaseloadSummary) {
  const { unallocated, ...rest } = summary;
  return { ...rest, unallocated: unallocated.map(({ childId: _child, ...u }) => u) };
}

/** Caseloads and capacity plans (src/workload), cached per authority and date. */
export function registerWorkloadRoutes(app: ApiApp, context: ServerContext): void {
  app.get('/api/authorities/:laCode/caseloads', {
    config: { rule: { access: 'roles', roles: WORKLOAD_ROLES, authorityParam: true } },
    schema: { tags: ['workload'], params: laCodeParam, querystring: dateQuery },
  }, async (request, reply) => {
    const { laCode } = request.params;
    const date = request.query.date ?? today();
    return sendCachedJson(reply, context.cache, laCode, `caseloads:${date}`, async () => withoutChildIds(await caseloadSummaryAt(context.db, laCode, date)));
  });

  app.get('/api/authorities/:laCode/capacity-plan', {
    config: { rule: { access: 'roles', roles: WORKLOAD_ROLES, authorityParam: true } },
    schema: { tags: ['workload'], params: laCodeParam, querystring: dateQuery },
  }, async (request, reply) => {
    const { laCode } = request.params;
    const date = request.query.date ?? today();
    return sendCachedJson(reply, context.cache, laCode, `capacity:${date}`, async () => {
      const result = await capacityPlanAt(context.db, laCode, date);
      return { ...result, summary: withoutChildIds(result.summary) };
    });
  });
}
