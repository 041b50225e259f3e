import { sql } from 'kysely';
import { z } from 'zod';
import { CASE_ROLES } from '../access/roles.js';
import { today, workerInScope } from '../access/child-scope.js';
import { forbidden, notFound } from '../errors.js';
import { sessionOf, type ApiApp, type ServerContext } from '../context.js';
import { downloadFormat, idText, laCodeParam, sendDownload } from './common.js';

/**
 * A worker's current caseload: the children allocated to them today. A social worker or IRO sees
 * their own; a team manager their team's workers; a service manager their service's.
 */
export function registerCaseloadRoutes(app: ApiApp, context: ServerContext): void {
  app.get('/api/authorities/:laCode/workers/:workerId/caseload', {
    config: { rule: { access: 'roles', roles: CASE_ROLES, authorityParam: true } },
    schema: { tags: ['caseloads'], params: laCodeParam.extend({ workerId: idText }), querystring: z.object({ format: downloadFormat }) },
  }, async (request, reply) => {
    const { principal } = sessionOf(request);
    const { laCode, workerId } = request.params;
    const worker = await context.db.selectFrom('worker as w').select(['w.worker_id', 'w.role', 'w.team_id', 'w.fte', sql<boolean>`${workerInScope(principal)}`.as('in_scope')])
      .where('w.la_code', '=', laCode).where('w.worker_id', '=', workerId).executeTakeFirst();
    if (!worker) throw notFound(`Worker ${workerId} in authority ${laCode}`);
    if (!worker.in_scope) throw forbidden(`Worker ${workerId}'s caseload is outside your scope.`);
    const on = today();
    const rows = await context.db.selectFrom('allocation as a')
      .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'a.la_code').onRef('c.child_id', '=', 'a.child_id'))
      .leftJoin('child_identity as i', (j) => j.onRef('i.la_code', '=', 'a.la_code').onRef('i.child_id', '=', 'a.child_id'))
      .select(['a.child_id', 'a.allocation_role', 'a.start_date', 'c.date_of_birth', 'c.sex', 'i.forename', 'i.surname'])
      .where('a.la_code', '=', laCode).where('a.worker_id', '=', workerId)
      .where('a.start_date', '<=', on).where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', on)]))
      .orderBy('a.start_date').orderBy('a.child_id').execute();
    const items = rows.map((r) => ({ childId: r.child_id, forename: r.forename, surname: r.surname, dateOfBirth: r.date_of_birth, sex: r.sex, role: r.allocation_role, allocatedSince: r.start_date }));
    const childIds = rows.map((r) => r.child_id);
    if (request.query.format !== 'json') {
      return sendDownload(request, reply, { laCode, name: `caseload-${workerId}`, format: request.query.format as 'csv' | 'xlsx', columns: ['childId', 'forename', 'surname', 'dateOfBirth', 'sex', 'role', 'allocatedSince'], rows: items, childIds, resource: 'caseload' });
    }
    await request.audit({ laCode, action: 'list', resource: 'caseload', resourceId: workerId, childIds, outcome: 'allowed', details: { rows: items.length } });
    return { workerId, role: worker.role, teamId: worker.team_id, fte: worker.fte, date: on, children: items.length, items };
  });
}
