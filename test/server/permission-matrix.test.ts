import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../../src/metrics/index.js';
import { buildServer } from '../../src/server/index.js';
import { createFixture, LA, signIn, type Fixture } from './fixture.js';

/**
 * The permission matrix, written by hand from the issue: which roles may call each route.
 * It fails if the server has a route that is not listed here (or lists one that is gone).
 */
const R = { sw: 'social_worker', tm: 'team_manager', sm: 'service_manager', iro: 'iro', analyst: 'performance_analyst', finance: 'finance', admin: 'administrator' } as const;
type Who = keyof typeof R;
const EVERYONE: Who[] = ['sw', 'tm', 'sm', 'iro', 'analyst', 'finance', 'admin'];

const MULTIPART_BOUNDARY = 'matrixboundary';
const multipartBody = [`--${MULTIPART_BOUNDARY}`, 'Content-Disposition: form-data; name="file"; filename="cin.xml"', 'Content-Type: text/xml', '', '<Message/>', `--${MULTIPART_BOUNDARY}--`, ''].join('\r\n');

interface Case {
  allowed: Who[] | 'public';
  url: string;
  payload?: unknown;
  multipart?: boolean;
}

const MATRIX: Record<string, Case> = {
  'GET /api/docs': { allowed: 'public', url: '/api/docs' },
  'GET /api/docs/json': { allowed: 'public', url: '/api/docs/json' },
  'POST /api/auth/login': { allowed: 'public', url: '/api/auth/login', payload: { email: 'nobody@example.gov.uk', password: 'wrong password' } },
  'POST /api/auth/logout': { allowed: EVERYONE, url: '/api/auth/logout' },
  'GET /api/auth/me': { allowed: EVERYONE, url: '/api/auth/me' },
  'GET /api/auth/csrf': { allowed: EVERYONE, url: '/api/auth/csrf' },
  'GET /api/authorities': { allowed: EVERYONE, url: '/api/authorities' },
  'GET /api/authorities/:laCode': { allowed: EVERYONE, url: `/api/authorities/${LA}` },
  'GET /api/authorities/:laCode/summary': { allowed: ['sw', 'tm', 'sm', 'iro', 'analyst', 'finance'], url: `/api/authorities/${LA}/summary` },
  'GET /api/authorities/:laCode/children': { allowed: ['sw', 'tm', 'sm', 'iro', 'analyst'], url: `/api/authorities/${LA}/children` },
  'GET /api/authorities/:laCode/children/:childId': { allowed: ['sw', 'tm', 'sm', 'iro', 'analyst'], url: `/api/authorities/${LA}/children/C1` },
  'GET /api/authorities/:laCode/workers/:workerId/caseload': { allowed: ['sw', 'tm', 'sm', 'iro'], url: `/api/authorities/${LA}/workers/W1/caseload` },
  'GET /api/authorities/:laCode/imports': { allowed: ['admin'], url: `/api/authorities/${LA}/imports` },
  'POST /api/authorities/:laCode/imports': { allowed: ['admin'], url: `/api/authorities/${LA}/imports`, multipart: true },
  'GET /api/authorities/:laCode/imports/:batchId': { allowed: ['admin'], url: `/api/authorities/${LA}/imports/1` },
  'GET /api/authorities/:laCode/imports/:batchId/errors': { allowed: ['admin'], url: `/api/authorities/${LA}/imports/1/errors` },
  'GET /api/authorities/:laCode/import-jobs': { allowed: ['admin'], url: `/api/authorities/${LA}/import-jobs` },
  'GET /api/authorities/:laCode/import-jobs/:jobId': { allowed: ['admin'], url: `/api/authorities/${LA}/import-jobs/00000000-0000-4000-8000-000000000000` },
  'GET /api/authorities/:laCode/import-jobs/:jobId/problems': { allowed: ['admin'], url: `/api/authorities/${LA}/import-jobs/00000000-0000-4000-8000-000000000000/problems` },
  'GET /api/authorities/:laCode/forecasts': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/forecasts?runs=20&years=1` },
  'POST /api/authorities/:laCode/forecasts/scenarios': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/forecasts/scenarios`, payload: { runs: 20, years: 1, scenarioInflation: 0.05 } },
  'GET /api/authorities/:laCode/forecasts/jobs/:jobId': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/forecasts/jobs/00000000-0000-4000-8000-000000000000` },
  'GET /api/authorities/:laCode/forecasts/jobs/:jobId/download': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/forecasts/jobs/00000000-0000-4000-8000-000000000000/download?format=csv` },
  'GET /api/authorities/:laCode/reports': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/reports` },
  'POST /api/authorities/:laCode/reports': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/reports`, payload: { template: 'missing', year: 2024 } },
  'GET /api/authorities/:laCode/reports/jobs/:jobId': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/reports/jobs/00000000-0000-4000-8000-000000000000` },
  'GET /api/authorities/:laCode/reports/jobs/:jobId/file': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/reports/jobs/00000000-0000-4000-8000-000000000000/file?format=html` },
  'GET /api/authorities/:laCode/placement-costs': { allowed: ['sw', 'tm', 'sm', 'iro', 'analyst', 'finance'], url: `/api/authorities/${LA}/placement-costs?date=2024-03-31` },
  'GET /api/authorities/:laCode/returns/:format': { allowed: ['admin'], url: `/api/authorities/${LA}/returns/workforce?year=2024` },
  'GET /api/authorities/:laCode/audit': { allowed: ['admin'], url: `/api/authorities/${LA}/audit` },
  'GET /api/authorities/:laCode/audit/verify': { allowed: ['admin'], url: `/api/authorities/${LA}/audit/verify` },
  'GET /api/authorities/:laCode/users': { allowed: ['admin'], url: `/api/authorities/${LA}/users` },
  'POST /api/authorities/:laCode/users': { allowed: ['admin'], url: `/api/authorities/${LA}/users`, payload: { email: 'new.analyst@example.gov.uk', displayName: 'New', role: 'performance_analyst', password: 'another long passphrase' } },
  'GET /api/indicators': { allowed: EVERYONE, url: '/api/indicators' },
  'GET /api/authorities/:laCode/indicators': { allowed: ['sw', 'tm', 'sm', 'iro', 'analyst', 'finance'], url: '' /* filled with a real indicator id */ },
  'GET /api/authorities/:laCode/caseloads': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/caseloads?date=2024-06-30` },
  'GET /api/authorities/:laCode/capacity-plan': { allowed: ['tm', 'sm', 'analyst', 'finance'], url: `/api/authorities/${LA}/capacity-plan?date=2024-06-30` },
  'PATCH /api/authorities/:laCode/users/:userId': { allowed: ['admin'], url: '' /* filled with a real user id */, payload: { active: true } },
};

let f: Fixture;
beforeAll(async () => {
  f = await createFixture({}, []);
  MATRIX['PATCH /api/authorities/:laCode/users/:userId']!.url = `/api/authorities/${LA}/users/${f.userIds.analyst}`;
  MATRIX['GET /api/authorities/:laCode/indicators']!.url = `/api/authorities/${LA}/indicators?years=2024&ids=${listIndicators()[0]!.id}`;
});
afterAll(async () => f?.close());

function send(key: string, c: Case, headers: Record<string, string>) {
  const [method] = key.split(' ') as ['GET' | 'POST' | 'PATCH'];
  if (c.multipart) {
    return f.app.inject({ method, url: c.url, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` }, payload: multipartBody });
  }
  return f.app.inject({ method, url: c.url, headers, ...(c.payload !== undefined ? { payload: c.payload as object } : {}) });
}

describe('permission matrix (role × route)', () => {
  it('lists every route the server has, and no route it does not have', () => {
    const registered = f.app.context.routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.filter((r) => !(r in MATRIX)), 'routes missing from the matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k)), 'matrix entries without a route').toEqual([]);
  });

  it('aggregate workload routes carry no child ids', async () => {
    const session = await signIn(f.app, 'finance');
    for (const path of ['caseloads', 'capacity-plan']) {
      const response = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/${path}?date=2024-06-30`, headers: session.headers });
      expect(response.statusCode, path).toBe(200);
      expect(response.body, path).not.toMatch(/"childId"|"C[1-5]"/);
    }
  });

  it('refuses to start when a route has no rule', async () => {
    const app = await buildServer({ db: f.t.db });
    expect(() => app.get('/api/unruled', async () => ({ secret: true }))).toThrow(/has no access rule/);
    await app.close();
  });

  for (const who of EVERYONE) {
    it(`enforces the rules for ${R[who]}`, async () => {
      const session = await signIn(f.app, who);
      const outcomes: string[] = [];
      for (const [key, c] of Object.entries(MATRIX)) {
        const response = await send(key, c, session.headers);
        const body = response.headers['content-type']?.toString().includes('json') ? (response.json() as { code?: string }) : {};
        const refusedByRule = response.statusCode === 403 && body.code === 'role_not_permitted';
        const expected = c.allowed === 'public' || c.allowed.includes(who);
        // 501: the import module is not wired into this server yet; the rule let the request through.
        if (response.statusCode !== 501) expect(response.statusCode, `${who} ${key}`).toBeLessThan(500);
        outcomes.push(`${key}: ${body.code === 'unauthenticated' ? '401' : refusedByRule ? 'deny' : 'allow'}`);
        if (key === 'POST /api/auth/logout' && expected) Object.assign(session, await signIn(f.app, who));
      }
      const want = Object.entries(MATRIX).map(([key, c]) => `${key}: ${c.allowed === 'public' || c.allowed.includes(who) ? 'allow' : 'deny'}`);
      expect(outcomes).toEqual(want);
    });
  }

  it('answers 401 to every non-public route without a session, and logs each refusal', async () => {
    const before = await f.t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('la_code', '=', '000').where('action', '=', 'refused').executeTakeFirstOrThrow();
    let refused = 0;
    for (const [key, c] of Object.entries(MATRIX)) {
      const response = await send(key, c, {});
      if (c.allowed === 'public') {
        expect(response.statusCode, key).not.toBe(403);
        continue;
      }
      expect(response.statusCode, key).toBe(401);
      expect(response.json()).toEqual({ code: 'unauthenticated', message: expect.any(String), details: {} });
      refused += 1;
    }
    const after = await f.t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('la_code', '=', '000').where('action', '=', 'refused').executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(refused);
  });
});

describe('over a real socket, with the web app', () => {
  it('serves the API and the single-page app (with fallback) on one port', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const web = mkdtempSync(join(tmpdir(), 'csc-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>CSC Workbench</title><div id="root"></div>');
    writeFileSync(join(web, 'app.js'), 'console.log(1)');
    const app = await buildServer({ db: f.t.db, staticDir: web, loginRateLimitPerMinute: 1000 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const index = await fetch(`${address}/`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('<title>CSC Workbench</title>');
      expect(await (await fetch(`${address}/children/C1`)).text()).toContain('<div id="root">');
      expect((await fetch(`${address}/app.js`)).headers.get('content-type')).toContain('javascript');
      const missingApi = await fetch(`${address}/api/nothing`);
      expect(missingApi.status).toBe(404);
      expect(await missingApi.json()).toMatchObject({ code: 'not_found' });
      const login = await fetch(`${address}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sw@example.gov.uk', password: 'correct horse battery staple' }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/csc_session=[^;]+; Max-Age=28800; Path=\/; HttpOnly; Secure; SameSite=Strict/);
      const me = await fetch(`${address}/api/auth/me`, { headers: { cookie: cookie.split(';')[0]! } });
      expect(await me.json()).toMatchObject({ role: 'social_worker', childScope: 'own_allocations' });
      const docs = (await (await fetch(`${address}/api/docs/json`)).json()) as { openapi: string; paths: Record<string, unknown> };
      expect(docs.openapi).toMatch(/^3\./);
      expect(Object.keys(docs.paths)).toContain('/api/authorities/{laCode}/children/{childId}');
    } finally {
      await app.close();
    }
  });
});
