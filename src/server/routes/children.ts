import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/index.js';
import { CHILD_LEVEL_ROLES, ROLE_DEFINITIONS } from '../access/roles.js';
import { childInScope, today } from '../access/child-scope.js';
import { monthOnly } from '../access/pseudonyms.js';
import type { Principal } from '../auth/principal.js';
import { ApiError, badRequest, forbidden, notFound } from '../errors.js';
import { sessionOf, type ApiApp, type ServerContext } from '../context.js';
import { downloadFormat, idText, laCodeParam, pagination, sendDownload } from './common.js';

export const BREAK_GLASS_HEADER = 'x-break-glass-reason';
const BREAK_GLASS_MINUTES = 60;

const listQuery = z.object({
  pageSize: pagination.pageSize,
  /** Keyset cursor: `nextCursor` of the previous page (the last child id, opaque to clients). */
  cursor: z.string().max(100).regex(/^[A-Za-z0-9_-]+$/, 'must be the nextCursor of a previous page').optional(),
  status: z.enum(['any', 'cin', 'cp', 'cla']).default('any'),
  search: z.string().max(48).regex(/^[\p{L}\p{N} '.\-_/]*$/u, 'may hold letters, digits, spaces and - . _ / \' only').optional(),
  include: z.enum(['identity']).optional(),
  format: downloadFormat,
});

/** Identified users see names and full dates; analysts and pool users see keyed pseudonyms. */
function isPseudonymised(principal: Principal, laCode: string): boolean {
  return !ROLE_DEFINITIONS[principal.role].identified || laCode !== principal.laCode;
}

function refuseIdentity(principal: Principal): never {
  throw new ApiError(403, 'identity_not_permitted', `The ${principal.role} role sees pseudonymised data only: names, UPN and full dates of birth are not available.`);
}

/** Cursors are the last child id of a page, base64url-encoded: opaque, and safe in a URL. */
const encodeCursor = (childId: string) => Buffer.from(childId, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const childId = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[\x21-\x7E]{1,48}$/.test(childId)) throw badRequest('cursor is not a nextCursor of this list.');
  return childId;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function registerChildRoutes(app: ApiApp, context: ServerContext): void {
  app.get('/api/authorities/:laCode/children', {
    config: { rule: { access: 'roles', roles: CHILD_LEVEL_ROLES, authorityParam: true, pool: true } },
    schema: { tags: ['children'], params: laCodeParam, querystring: listQuery },
  }, async (request, reply) => {
    const { principal } = sessionOf(request);
    const { laCode } = request.params;
    const q = request.query;
    const pseudonymised = isPseudonymised(principal, laCode);
    if (q.include === 'identity' && pseudonymised) refuseIdentity(principal);
    const on = today();
    let base = context.db.selectFrom('child as c').leftJoin('child_identity as i', (j) => j.onRef('i.la_code', '=', 'c.la_code').onRef('i.child_id', '=', 'c.child_id'))
      .where('c.la_code', '=', laCode).where(childInScope(principal, on));
    const open = {
      cin: sql<boolean>`EXISTS (SELECT 1 FROM referral r WHERE r.la_code = c.la_code AND r.child_id = c.child_id AND r.referral_date <= ${on}::date AND (r.closure_date IS NULL OR r.closure_date > ${on}::date))`,
      cp: sql<boolean>`EXISTS (SELECT 1 FROM cp_plan p WHERE p.la_code = c.la_code AND p.child_id = c.child_id AND p.start_date <= ${on}::date AND (p.end_date IS NULL OR p.end_date > ${on}::date))`,
      cla: sql<boolean>`EXISTS (SELECT 1 FROM care_period p WHERE p.la_code = c.la_code AND p.child_id = c.child_id AND p.start_date <= ${on}::date AND (p.end_date IS NULL OR p.end_date > ${on}::date))`,
    };
    if (q.status !== 'any') base = base.where(open[q.status]);
    if (q.search) {
      const pattern = `${escapeLike(q.search)}%`;
      base = pseudonymised
        ? base.where('c.child_id', 'like', pattern)
        : base.where((eb) => eb.or([eb('c.child_id', 'like', pattern), eb(sql`lower(i.surname)`, 'like', pattern.toLowerCase())]));
    }
    const download = q.format !== 'json';
    const after = q.cursor && !download ? decodeCursor(q.cursor) : undefined;
    // The total is counted on the first page only. A caseload-sized scope (not the whole
    // authority) is counted in the page query itself (one pass over the scope, not two).
    const wantTotal = after === undefined && !download;
    const wholeAuthority = ROLE_DEFINITIONS[principal.role].childScope === 'authority';
    const separateTotal = wantTotal && wholeAuthority ? Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : undefined;
    const limit = download ? 10_000 : q.pageSize;
    const paged = after === undefined ? base : base.where('c.child_id', '>', after);
    // (Only then: a window count makes the database read the whole scope before the limit.)
    const scopeRows = wantTotal && !wholeAuthority ? sql<string>`count(*) OVER ()` : sql<string>`NULL`;
    const fetched = await paged.select([
      'c.child_id', 'c.date_of_birth', 'c.expected_dob', 'c.sex', 'c.ethnicity', 'c.uasc', 'i.forename', 'i.surname', 'i.upn',
      open.cin.as('cin'), open.cp.as('cp'), open.cla.as('cla'), scopeRows.as('scope_rows'),
    ]).orderBy('c.child_id').limit(limit + 1).execute();
    const total = !wantTotal ? undefined : (separateTotal ?? Number(fetched[0]?.scope_rows ?? 0));
    const rows = fetched.slice(0, limit);
    const nextCursor = !download && fetched.length > limit ? encodeCursor(rows.at(-1)!.child_id) : null;

    const items = rows.map((r) => pseudonymised
      ? { childRef: context.pseudonyms.childRef(laCode, r.child_id), monthOfBirth: monthOnly(r.date_of_birth ?? r.expected_dob), sex: r.sex, ethnicity: r.ethnicity, uasc: r.uasc, cin: r.cin, cp: r.cp, cla: r.cla }
      : {
          childId: r.child_id, dateOfBirth: r.date_of_birth, expectedDob: r.expected_dob, sex: r.sex, ethnicity: r.ethnicity, uasc: r.uasc, cin: r.cin, cp: r.cp, cla: r.cla,
          ...(q.include === 'identity' ? { forename: r.forename, surname: r.surname, upn: r.upn } : {}),
        });
    const childIds = rows.map((r) => r.child_id);
    if (download) {
      return sendDownload(request, reply, { laCode, name: 'children', format: q.format as 'csv' | 'xlsx', columns: Object.keys(items[0] ?? { childId: 1 }), rows: items, childIds, resource: 'child' });
    }
    await request.audit({
      laCode, action: 'list', resource: 'child', childIds, outcome: 'allowed',
      details: { status: q.status, search: q.search ? 'given' : null, include: q.include ?? null, cursor: q.cursor ?? null, rows: rows.length, pseudonymised },
    });
    return { pageSize: q.pageSize, ...(total === undefined ? {} : { total }), nextCursor, pseudonymised, items };
  });

  app.get('/api/authorities/:laCode/children/:childId', {
    config: { rule: { access: 'roles', roles: CHILD_LEVEL_ROLES, authorityParam: true, pool: true } },
    schema: {
      tags: ['children'],
      params: laCodeParam.extend({ childId: idText }),
      querystring: z.object({ include: z.enum(['identity']).optional() }),
      headers: z.looseObject({ [BREAK_GLASS_HEADER]: z.string().min(10, 'a break-glass reason needs at least 10 characters').max(1000).optional() }),
    },
  }, async (request) => {
    const { principal } = sessionOf(request);
    const { laCode } = request.params;
    const pseudonymised = isPseudonymised(principal, laCode);
    if (request.query.include === 'identity' && pseudonymised) refuseIdentity(principal);
    const childId = pseudonymised ? await resolveChildRef(context, laCode, request.params.childId) : request.params.childId;
    const child = childId ? await context.db.selectFrom('child').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).executeTakeFirst() : undefined;
    if (!child || !childId) throw notFound(`Child ${request.params.childId} in authority ${laCode}`);

    const access = await decideAccess(context.db, request, principal, laCode, childId);
    const record = await loadRecord(context.db, laCode, childId);
    const identity = pseudonymised ? null : await context.db.selectFrom('child_identity').select(['upn', 'forename', 'surname', 'home_postcode']).where('la_code', '=', laCode).where('child_id', '=', childId).executeTakeFirst();
    // Written before the data leaves; if it cannot be written the request fails (fail closed).
    await request.audit({
      laCode, action: 'read', resource: 'child', resourceId: childId, childIds: [childId], outcome: access.breakGlass ? 'break_glass' : 'allowed',
      reason: access.reason, details: { pseudonymised, include: request.query.include ?? null },
    });
    if (pseudonymised) {
      return {
        childRef: context.pseudonyms.childRef(laCode, childId), pseudonymised: true, monthOfBirth: monthOnly(child.date_of_birth ?? child.expected_dob),
        sex: child.sex, ethnicity: child.ethnicity, uasc: child.uasc,
        referrals: record.referrals.map(({ referralId: _r, ...rest }) => rest), cpPlans: record.cpPlans, carePeriods: record.carePeriods,
      };
    }
    return {
      childId, pseudonymised: false, breakGlass: access.breakGlass, dateOfBirth: child.date_of_birth, expectedDob: child.expected_dob, sex: child.sex,
      ethnicity: child.ethnicity, uasc: child.uasc, identity: identity ? { upn: identity.upn, forename: identity.forename, surname: identity.surname, homePostcode: identity.home_postcode } : null,
      ...record,
    };
  });
}

/**
 * In scope: allowed. Out of scope: a case role may break glass with a typed reason (kept for an
 * hour, flagged for review); anyone else is refused. Pseudonymised roles see the whole authority.
 */
async function decideAccess(db: Kysely<Database>, request: FastifyRequest, principal: Principal, laCode: string, childId: string): Promise<{ breakGlass: boolean; reason: string | null }> {
  const inScope = await db.selectFrom('child as c').select('c.child_id').where('c.la_code', '=', laCode).where('c.child_id', '=', childId).where(childInScope(principal)).executeTakeFirst();
  if (inScope) return { breakGlass: false, reason: null };
  if (!ROLE_DEFINITIONS[principal.role].breakGlass || laCode !== principal.laCode) throw forbidden('This child is outside your scope.');
  const now = new Date();
  const grant = await db.selectFrom('break_glass_grant').select(['reason']).where('la_code', '=', laCode).where('user_id', '=', principal.userId)
    .where('child_id', '=', childId).where('expires_at', '>', now).orderBy('grant_id', 'desc').executeTakeFirst();
  if (grant) return { breakGlass: true, reason: grant.reason };
  const reason = (request.headers[BREAK_GLASS_HEADER] as string | undefined)?.trim();
  if (!reason || reason.length < 10) {
    throw new ApiError(403, 'break_glass_required', `This child is outside your scope. To open the record anyway, give your reason (at least 10 characters) in the ${BREAK_GLASS_HEADER} header; the access is recorded and reviewed.`, { breakGlass: true });
  }
  await db.insertInto('break_glass_grant').values({ la_code: laCode, user_id: principal.userId, child_id: childId, reason, expires_at: new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000) }).execute();
  return { breakGlass: true, reason };
}

async function loadRecord(db: Kysely<Database>, laCode: string, childId: string) {
  const [referrals, cpPlans, carePeriods, allocations] = await Promise.all([
    db.selectFrom('referral').select(['referral_id', 'referral_date', 'source', 'primary_need', 'closure_date', 'closure_reason']).where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('referral_date').execute(),
    db.selectFrom('cp_plan').select(['start_date', 'end_date', 'initial_category', 'latest_category']).where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('start_date').execute(),
    db.selectFrom('care_period').select(['start_date', 'end_date']).where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('start_date').execute(),
    db.selectFrom('allocation').select(['worker_id', 'allocation_role', 'start_date', 'end_date']).where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('start_date').execute(),
  ]);
  return {
    referrals: referrals.map((r) => ({ referralId: r.referral_id, referralDate: r.referral_date, source: r.source, primaryNeed: r.primary_need, closureDate: r.closure_date, closureReason: r.closure_reason })),
    cpPlans: cpPlans.map((p) => ({ startDate: p.start_date, endDate: p.end_date, initialCategory: p.initial_category, latestCategory: p.latest_category })),
    carePeriods: carePeriods.map((p) => ({ startDate: p.start_date, endDate: p.end_date })),
    allocations: allocations.map((a) => ({ workerId: a.worker_id, role: a.allocation_role, startDate: a.start_date, endDate: a.end_date })),
  };
}

/** Finds the child behind an analyst's pseudonymous reference (map cached per authority, dropped on import). */
async function resolveChildRef(context: ServerContext, laCode: string, childRef: string): Promise<string | undefined> {
  if (!/^P[0-9a-f]{20}$/.test(childRef)) return undefined;
  const map = await context.cache.get(laCode, 'pseudonym-map', async () => {
    const ids = await context.db.selectFrom('child').select('child_id').where('la_code', '=', laCode).execute();
    return new Map(ids.map((r) => [context.pseudonyms.childRef(laCode, r.child_id), r.child_id]));
  });
  return map.get(childRef);
}
