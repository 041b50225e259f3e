import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAK_GLASS_HEADER } from '../../src/server/index.js';
import { createFixture, LA, OTHER_LA, type Fixture } from './fixture.js';

/** Need-to-know scopes, break-glass, pseudonymisation and authority boundaries. */
let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => f?.close());

const get = (who: string, url: string, headers: Record<string, string> = {}) => f.app.inject({ method: 'GET', url, headers: { ...f.as[who]!.headers, ...headers } });
const lastAudit = async () => f.t.db.selectFrom('audit_log').selectAll().where('la_code', '=', LA).orderBy('seq', 'desc').executeTakeFirstOrThrow();

describe('children in scope', () => {
  // Expected sets follow the fixture's allocations (see fixture.ts), worked out by hand.
  const expected: Record<string, string[]> = { sw: ['C1'], tm: ['C1'], sm: ['C1', 'C2'], iro: ['C3'] };
  for (const [who, children] of Object.entries(expected)) {
    it(`${who} lists exactly their children, and the list is audited`, async () => {
      const response = await get(who, `/api/authorities/${LA}/children`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as { total: number; items: { childId: string }[] };
      expect(body.items.map((c) => c.childId)).toEqual(children);
      expect(body.total).toBe(children.length);
      const audit = await lastAudit();
      expect(audit).toMatchObject({ action: 'list', resource: 'child', outcome: 'allowed', user_id: f.userIds[who], child_ids: children });
    });
  }

  it('filters by status and search with validated parameters', async () => {
    const cp = (await get('sm', `/api/authorities/${LA}/children?status=cp`)).json() as { items: { childId: string }[] };
    expect(cp.items.map((c) => c.childId)).toEqual(['C2']);
    const byName = (await get('sm', `/api/authorities/${LA}/children?search=smi&include=identity`)).json() as { items: { childId: string; surname: string }[] };
    expect(byName.items).toEqual([expect.objectContaining({ childId: 'C2', surname: 'Smith' })]);
    const first = (await get('sm', `/api/authorities/${LA}/children?pageSize=1`)).json() as { nextCursor: string };
    expect(first).toMatchObject({ pageSize: 1, total: 2, items: [{ childId: 'C1' }], nextCursor: expect.any(String) });
    const second = (await get('sm', `/api/authorities/${LA}/children?pageSize=1&cursor=${first.nextCursor}`)).json() as Record<string, unknown>;
    expect(second).toMatchObject({ pageSize: 1, items: [{ childId: 'C2' }], nextCursor: null });
    expect(second).not.toHaveProperty('total');
    // The analyst walks the whole authority (C1..C5) in pages of 2 by cursor: every child once, in order.
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = (await get('analyst', `/api/authorities/${LA}/children?pageSize=2${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: { childRef: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((c) => c.childRef));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await get('sm', `/api/authorities/${LA}/children?cursor=${Buffer.from(' x').toString('base64url')}`)).statusCode).toBe(400);
    expect((await get('sm', `/api/authorities/${LA}/children?pageSize=501`)).statusCode).toBe(400);
  });

  it('a social worker opens their own child with identity, and the read is audited before it is returned', async () => {
    const response = await get('sw', `/api/authorities/${LA}/children/C1`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ childId: 'C1', breakGlass: false, dateOfBirth: '2012-07-19', identity: { forename: 'Amira', surname: 'Jones' }, referrals: [{ referralId: 'R1' }] });
    expect(await lastAudit()).toMatchObject({ action: 'read', resource: 'child', resource_id: 'C1', outcome: 'allowed', user_id: f.userIds.sw, ip: '127.0.0.1' });
  });

  it('a worker from another team is refused and the refusal is logged', async () => {
    const response = await get('sw', `/api/authorities/${LA}/children/C2`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'break_glass_required', details: { breakGlass: true } });
    expect(await lastAudit()).toMatchObject({ action: 'refused', outcome: 'refused', user_id: f.userIds.sw, details: { status: 403, code: 'break_glass_required' } });
  });

  it('break-glass: a typed reason opens the record, flagged, and holds for an hour', async () => {
    expect((await get('sw', `/api/authorities/${LA}/children/C2`, { [BREAK_GLASS_HEADER]: 'short' })).statusCode).toBe(400);
    const reason = 'Duty social worker: police call about Ben out of hours';
    const opened = await get('sw', `/api/authorities/${LA}/children/C2`, { [BREAK_GLASS_HEADER]: reason });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ childId: 'C2', breakGlass: true });
    expect(await lastAudit()).toMatchObject({ action: 'read', resource_id: 'C2', outcome: 'break_glass', reason });
    const grants = await f.t.db.selectFrom('break_glass_grant').selectAll().where('la_code', '=', LA).execute();
    expect(grants).toEqual([expect.objectContaining({ user_id: f.userIds.sw, child_id: 'C2', reason })]);
    const again = await get('sw', `/api/authorities/${LA}/children/C2`);
    expect(again.statusCode).toBe(200);
    expect(await lastAudit()).toMatchObject({ outcome: 'break_glass', reason });
    const search = await get('admin', `/api/authorities/${LA}/audit?outcome=break_glass`);
    expect((search.json() as { total: number }).total).toBe(2);
  });

  it('caseloads follow the manager chain', async () => {
    expect((await get('sw', `/api/authorities/${LA}/workers/W1/caseload`)).json()).toMatchObject({ workerId: 'W1', children: 1, items: [{ childId: 'C1', surname: 'Jones' }] });
    expect((await get('tm', `/api/authorities/${LA}/workers/W1/caseload`)).statusCode).toBe(200);
    expect((await get('tm', `/api/authorities/${LA}/workers/W2/caseload`)).statusCode).toBe(403);
    expect((await get('sm', `/api/authorities/${LA}/workers/W2/caseload`)).statusCode).toBe(200);
    expect((await get('sm', `/api/authorities/${LA}/workers/W3/caseload`)).statusCode).toBe(403);
    expect((await get('sw', `/api/authorities/${LA}/workers/W2/caseload`)).statusCode).toBe(403);
  });
});

describe('performance analysts: pseudonymised', () => {
  it('see every child of their authority without names, UPN or day of birth', async () => {
    const response = await get('analyst', `/api/authorities/${LA}/children`);
    const body = response.json() as { pseudonymised: boolean; total: number; items: Record<string, unknown>[] };
    expect(body.pseudonymised).toBe(true);
    expect(body.total).toBe(5);
    expect(body.items.map((c) => c.monthOfBirth).sort()).toEqual(['2009-05-01', '2010-11-01', '2012-07-01', '2015-03-01', '2018-01-01']);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(['childRef', 'cin', 'cla', 'cp', 'ethnicity', 'monthOfBirth', 'sex', 'uasc']);
      expect(item.childRef).toMatch(/^P[0-9a-f]{20}$/);
    }
    expect(response.body).not.toMatch(/Amira|Jones|AC1000|2012-07-19|"C1"/);
  });

  it('open a record by pseudonym only, still without identity', async () => {
    const list = (await get('analyst', `/api/authorities/${LA}/children?status=cp`)).json() as { items: { childRef: string }[] };
    const ref = list.items[0]!.childRef;
    const record = await get('analyst', `/api/authorities/${LA}/children/${ref}`);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({ childRef: ref, pseudonymised: true, monthOfBirth: '2015-03-01', cpPlans: [{ startDate: '2024-03-01', latestCategory: 'NEG' }] });
    expect(record.body).not.toMatch(/Smith|Ben|"C2"|R2|2015-03-02/);
    expect((await get('analyst', `/api/authorities/${LA}/children/C2`)).statusCode).toBe(404);
    expect(await lastAudit()).toMatchObject({ action: 'refused', details: { status: 404 } });
  });

  it('are refused names, and the request is logged', async () => {
    for (const url of [`/api/authorities/${LA}/children?include=identity`, `/api/authorities/${LA}/children/P00000000000000000000?include=identity`]) {
      const response = await get('analyst', url);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'identity_not_permitted' });
      expect(await lastAudit()).toMatchObject({ user_id: f.userIds.analyst, outcome: 'refused', details: { code: 'identity_not_permitted' } });
    }
  });
});

describe('authority boundaries', () => {
  it('lists only the authorities a user belongs to', async () => {
    expect((await get('sw', '/api/authorities')).json()).toEqual({ items: [{ laCode: LA, name: 'Oxfordshire', regionName: 'South East', own: true }] });
    expect(((await get('pool', '/api/authorities')).json() as { items: { laCode: string }[] }).items.map((a) => a.laCode)).toEqual([LA, OTHER_LA]);
  });

  it("refuses another authority's data in every form", async () => {
    const attempts: [string, string, number, string][] = [
      ['sw', `/api/authorities/${OTHER_LA}/children/D1`, 403, 'authority_not_permitted'],
      ['analyst', `/api/authorities/${OTHER_LA}/children`, 403, 'authority_not_permitted'],
      ['analyst', `/api/authorities/${OTHER_LA}/summary`, 403, 'authority_not_permitted'],
      ['admin', `/api/authorities/${OTHER_LA}/users`, 403, 'authority_not_permitted'],
      ['admin', `/api/authorities/${OTHER_LA}/audit`, 403, 'authority_not_permitted'],
      ['sm', `/api/authorities/${LA}/children/D1`, 404, 'not_found'],
      ['sm', `/api/authorities/${LA}/workers/X1/caseload`, 404, 'not_found'],
      ['otherSw', `/api/authorities/${LA}/children/C1`, 403, 'authority_not_permitted'],
      ['pool', `/api/authorities/${OTHER_LA}/workers/X1/caseload`, 403, 'role_not_permitted'],
    ];
    for (const [who, url, status, code] of attempts) {
      const response = await get(who, url);
      expect(response.statusCode, `${who} ${url}`).toBe(status);
      expect(response.json(), url).toMatchObject({ code });
      const chain = who === 'otherSw' ? OTHER_LA : LA;
      const logged = await f.t.db.selectFrom('audit_log').selectAll().where('la_code', '=', chain).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(logged, url).toMatchObject({ user_id: f.userIds[who], outcome: 'refused', details: { status, url } });
    }
    const patch = await f.app.inject({ method: 'PATCH', url: `/api/authorities/${LA}/users/${f.userIds.otherSw}`, headers: f.as.admin!.headers, payload: { active: false } });
    expect(patch.statusCode).toBe(404);
    expect((await f.t.db.selectFrom('app_user').select('active').where('user_id', '=', f.userIds.otherSw!).executeTakeFirstOrThrow()).active).toBe(true);
  });

  it('a regional pool analyst sees the other authority pseudonymised only', async () => {
    const response = await get('pool', `/api/authorities/${OTHER_LA}/children`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ pseudonymised: true, total: 1, items: [{ monthOfBirth: '2011-02-01' }] });
    expect(response.body).not.toMatch(/D1|Fay|White/);
    expect((await get('pool', `/api/authorities/${OTHER_LA}/children?include=identity`)).statusCode).toBe(403);
    expect((await get('pool', `/api/authorities/${OTHER_LA}/summary`)).json()).toMatchObject({ laCode: OTHER_LA, children: 1 });
    // The read is recorded in the data's authority's chain.
    const logged = await f.t.db.selectFrom('audit_log').selectAll().where('la_code', '=', OTHER_LA).where('action', '=', 'list').executeTakeFirstOrThrow();
    expect(logged).toMatchObject({ user_la_code: LA, user_id: f.userIds.pool, child_ids: ['D1'] });
  });
});

describe('aggregates', () => {
  it('summary counts by hand: 5 children, 2 open referrals, 1 CP plan, 1 looked after; cached until an import', async () => {
    const body = (await get('finance', `/api/authorities/${LA}/summary`)).json();
    expect(body).toMatchObject({ children: 5, openCin: 2, onCpPlan: 1, lookedAfter: 1 });
    expect((body as { teams: unknown[] }).teams).toEqual([
      { teamId: 'T1', name: 'Assessment North', workers: 1, allocatedChildren: 1 },
      { teamId: 'T2', name: 'Assessment South', workers: 1, allocatedChildren: 1 },
      { teamId: 'T3', name: 'Children in Care', workers: 2, allocatedChildren: 1 },
    ]);
    await f.t.db.insertInto('child').values({ la_code: LA, child_id: 'C9', date_of_birth: '2020-01-01', expected_dob: null, sex: 'M', ethnicity: 'WBRI', uasc_ceased: null, is_mother: null, mother_child_dob: null, death_date: null, household_id: null, batch_id: null }).execute();
    expect((await get('finance', `/api/authorities/${LA}/summary`)).json()).toMatchObject({ children: 5 });
    f.app.context.cache.invalidate(LA);
    expect((await get('finance', `/api/authorities/${LA}/summary`)).json()).toMatchObject({ children: 6 });
    await f.t.db.deleteFrom('child').where('la_code', '=', LA).where('child_id', '=', 'C9').execute();
    f.app.context.cache.invalidate(LA);
  });
});
