import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/index.js';
import { createFixture, emailOf, LA, PASSWORD, signIn, type Fixture } from './fixture.js';

/** What an attacker would try. Every attempt must be refused, and every refusal logged. */
let f: Fixture;
const uploadDir = mkdtempSync(join(tmpdir(), 'csc-upload-test-'));
beforeAll(async () => {
  f = await createFixture({ uploadDir }, ['sw', 'sm', 'analyst', 'admin']);
});
afterAll(async () => f?.close());

const refusalsBy = async (userId: string | null) => {
  let q = f.t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('outcome', '=', 'refused');
  q = userId ? q.where('user_id', '=', userId) : q.where('user_id', 'is', null);
  return Number((await q.executeTakeFirstOrThrow()).n);
};
const noStack = (body: string) => expect(body).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|Kysely|SELECT/);

function multipart(files: { name: string; content: string | Buffer }[]) {
  const boundary = 'attackboundary';
  const parts = files.flatMap((file) => [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(file.content), Buffer.from('\r\n')]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('sessions and cookies', () => {
  it('sets a secure, HTTP-only, SameSite=Strict cookie and security headers', async () => {
    const response = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: emailOf('sw'), password: PASSWORD } });
    const cookie = response.cookies.find((c) => c.name === 'csc_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['strict-transport-security']).toBeDefined();
    const stored = await f.t.db.selectFrom('user_session').select('session_hash').execute();
    expect(stored.map((s) => s.session_hash)).not.toContain(cookie.value);
  });

  it('refuses no cookie, a forged cookie and a signed-out cookie', async () => {
    const before = await refusalsBy(null);
    const forged = ['csc_session=' + 'A'.repeat(43), 'csc_session=../../etc/passwd', "csc_session=' OR 1=1 --"];
    for (const cookie of [undefined, ...forged]) {
      const response = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/children`, headers: cookie ? { cookie } : {} });
      expect(response.statusCode).toBe(401);
    }
    const session = await signIn(f.app, 'sw');
    expect((await f.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode).toBe(200);
    expect((await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
    expect(await refusalsBy(null)).toBe(before + 5);
  });

  it("someone else's cookie gives exactly their rights, no more", async () => {
    const response = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/users`, headers: f.as.sw!.headers });
    expect(response.json()).toMatchObject({ code: 'role_not_permitted' });
  });

  it('disabling a user ends their sessions at once, and the change is audited', async () => {
    const victim = await signIn(f.app, 'sm');
    const url = `/api/authorities/${LA}/users/${f.userIds.sm}`;
    expect((await f.app.inject({ method: 'PATCH', url, headers: f.as.admin!.headers, payload: { active: false } })).json()).toMatchObject({ active: false });
    expect((await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: victim.headers })).statusCode).toBe(401);
    const login = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: emailOf('sm'), password: PASSWORD } });
    expect(login.statusCode).toBe(401);
    const change = await f.t.db.selectFrom('audit_log').selectAll().where('la_code', '=', LA).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(change).toMatchObject({ user_id: f.userIds.admin, resource: 'user', resource_id: f.userIds.sm, details: { active: { from: true, to: false } } });
    await f.app.inject({ method: 'PATCH', url, headers: f.as.admin!.headers, payload: { active: true } });
    await f.t.db.deleteFrom('login_attempt').where('email', '=', emailOf('sm')).execute();
    f.as.sm = await signIn(f.app, 'sm'); // disabling ended the shared session too
  });

  it('refuses unsafe requests without the CSRF token, or with a forged one', async () => {
    const before = await refusalsBy(f.userIds.admin!);
    const payload = { email: 'csrf@example.gov.uk', displayName: 'X', role: 'finance', password: 'long enough password' };
    const url = `/api/authorities/${LA}/users`;
    const other = await signIn(f.app, 'sm');
    for (const csrf of [undefined, 'forged-token', other.csrf, '']) {
      const headers: Record<string, string> = { cookie: f.as.admin!.cookie, ...(csrf !== undefined ? { 'x-csrf-token': csrf } : {}) };
      const response = await f.app.inject({ method: 'POST', url, headers, payload });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'csrf_failed' });
    }
    expect(await f.t.db.selectFrom('app_user').select('email').where('email', '=', 'csrf@example.gov.uk').executeTakeFirst()).toBeUndefined();
    expect(await refusalsBy(f.userIds.admin!)).toBe(before + 4);
    const ok = await f.app.inject({ method: 'POST', url, headers: f.as.admin!.headers, payload });
    expect(ok.statusCode).toBe(201);
  });

  it('locks an account after 5 failed sign-ins, even against the right password, and says the same for unknown e-mails', async () => {
    const email = emailOf('analyst');
    for (let i = 0; i < 5; i += 1) {
      const wrong = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: `wrong password ${i}` } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toEqual({ code: 'invalid_credentials', message: 'The e-mail or password is not right.', details: {} });
    }
    const locked = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect(locked.statusCode).toBe(423);
    const unknown = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@example.gov.uk', password: PASSWORD } });
    expect(unknown.json()).toMatchObject({ code: 'invalid_credentials' });
    const attempts = await f.t.db.selectFrom('login_attempt').select(['succeeded']).where('email', '=', email).orderBy('attempt_id').execute();
    expect(attempts.slice(-6).map((a) => a.succeeded)).toEqual([false, false, false, false, false, false]);
    const logged = await f.t.db.selectFrom('audit_log').selectAll().where('la_code', '=', LA).where('action', '=', 'login').where('outcome', '=', 'refused')
      .where('user_id', '=', f.userIds.analyst!).orderBy('seq').execute();
    expect(logged.length).toBe(6);
    expect(logged.at(-1)!.details).toMatchObject({ reason: 'locked' });
    await f.t.db.deleteFrom('login_attempt').where('email', '=', email).execute();
  });

  it('ends sessions after the idle timeout and the absolute timeout', async () => {
    const idle = await buildServer({ db: f.t.db, sessionPolicy: { idleTimeoutMs: 300, cacheMs: 0 } });
    const session = await signIn(idle, 'sm');
    expect((await idle.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(200);
    await new Promise((done) => setTimeout(done, 400));
    expect((await idle.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
    await idle.close();
    const absolute = await buildServer({ db: f.t.db, sessionPolicy: { absoluteTimeoutMs: 300, cacheMs: 0 } });
    const second = await signIn(absolute, 'sm');
    for (let i = 0; i < 4; i += 1) {
      await new Promise((done) => setTimeout(done, 100));
      const status = (await absolute.inject({ method: 'GET', url: '/api/auth/me', headers: second.headers })).statusCode;
      if (i === 3) expect(status).toBe(401);
    }
    await absolute.close();
  });

  it('rate-limits a client and answers in the standard error shape', async () => {
    const limited = await buildServer({ db: f.t.db, rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 5; i += 1) {
      const response = await limited.inject({ method: 'GET', url: '/api/docs' });
      statuses.push(response.statusCode);
      last = response.body;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(JSON.parse(last)).toMatchObject({ code: 'rate_limited' });
    await limited.close();
  });
});

describe('injection and malformed input', () => {
  const payloads = ["' OR '1'='1", "1; DROP TABLE child; --", "C1' UNION SELECT forename FROM child_identity --", '%27%20OR%201%3D1', '${7*7}', '../../etc/passwd'];

  it('SQL injection in every parameter is refused or finds nothing, never leaks and never breaks the database', async () => {
    const childrenBefore = Number((await f.t.db.selectFrom('child').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    for (const raw of payloads) {
      const p = encodeURIComponent(raw);
      const urls = [
        [`/api/authorities/${p}/children`, 'sm'], [`/api/authorities/${LA}/children/${p}`, 'sm'], [`/api/authorities/${LA}/workers/${p}/caseload`, 'sm'],
        [`/api/authorities/${LA}/children?search=${p}`, 'sm'], [`/api/authorities/${LA}/children?status=${p}`, 'sm'], [`/api/authorities/${LA}/children?cursor=${p}`, 'sm'],
        [`/api/authorities/${LA}/children?pageSize=${p}`, 'sm'], [`/api/authorities/${LA}/children?format=${p}`, 'sm'], [`/api/authorities/${LA}/children?include=${p}`, 'analyst'],
        [`/api/authorities/${LA}/summary?date=${p}`, 'sm'], [`/api/authorities/${LA}/imports/${p}`, 'admin'], [`/api/authorities/${LA}/audit?userId=${p}`, 'admin'],
        [`/api/authorities/${LA}/audit?childId=${p}`, 'admin'], [`/api/authorities/${LA}/audit?action=${p}`, 'admin'], [`/api/authorities/${LA}/audit?from=${p}`, 'admin'],
        [`/api/authorities/${LA}/audit?resource=${p}`, 'admin'],
      ] as const;
      for (const [url, who] of urls) {
        const response = await f.app.inject({ method: 'GET', url, headers: f.as[who]!.headers });
        expect(response.statusCode, `${url}`).toBeLessThan(500);
        noStack(response.body);
        expect(response.body, url).not.toMatch(/Jones|Smith|Brown|Patel|Green/);
        if (response.statusCode === 200) {
          const body = response.json() as { items?: unknown[]; total?: number };
          // Only the audit 'resource' filter accepts free text: it must match nothing.
          expect(body.items ?? [], url).toEqual([]);
        }
      }
      const login = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: raw, password: raw } });
      expect(login.statusCode).toBeGreaterThanOrEqual(400);
      expect(login.statusCode).toBeLessThan(500);
    }
    expect(Number((await f.t.db.selectFrom('child').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(childrenBefore);
  });

  it('path traversal in upload file names is refused, nothing is written outside the upload folder, and it is logged', async () => {
    const before = await refusalsBy(f.userIds.admin!);
    const names = ['../../evil.csv', '..\\..\\evil.csv', '/etc/evil.csv', 'sub/dir.csv', '.hidden.csv', 'evil.csv\u0000.xml', 'script.sh'];
    for (const name of names) {
      const { payload, contentType } = multipart([{ name, content: 'a,b\n1,2\n' }]);
      const response = await f.app.inject({ method: 'POST', url: `/api/authorities/${LA}/imports`, headers: { ...f.as.admin!.headers, 'content-type': contentType }, payload });
      expect(response.statusCode, name).toBe(400);
      expect(response.json(), name).toMatchObject({ code: 'invalid_file_name' });
    }
    expect(existsSync(join(uploadDir, '..', 'evil.csv'))).toBe(false);
    expect(existsSync(join(uploadDir, LA, '..', '..', 'evil.csv'))).toBe(false);
    expect(await refusalsBy(f.userIds.admin!)).toBe(before + names.length);
  });

  it('refuses oversized uploads and oversized JSON bodies', async () => {
    const small = await buildServer({ db: f.t.db, maxUploadBytes: 1024, uploadDir });
    const admin = await signIn(small, 'admin');
    const { payload, contentType } = multipart([{ name: 'big.csv', content: Buffer.alloc(5000, 'a') }]);
    const response = await small.inject({ method: 'POST', url: `/api/authorities/${LA}/imports`, headers: { ...admin.headers, 'content-type': contentType }, payload });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'too_large' });
    const json = await small.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.gov.uk', password: 'x'.repeat(2 * 1024 * 1024) } });
    expect(json.statusCode).toBe(413);
    noStack(json.body);
    await small.close();
  });

  it('never sends a stack trace, even for an unexpected failure', async () => {
    const response = await f.app.inject({ method: 'GET', url: '/api/authorities/931/children', headers: { ...f.as.sm!.headers, cookie: `${f.as.sm!.cookie}; csc_session=${'x'.repeat(5000)}` } });
    expect(response.statusCode).toBeLessThan(500);
    const missing = await f.app.inject({ method: 'GET', url: '/api/nothing/here' });
    expect(missing.json()).toEqual({ code: 'not_found', message: 'No route GET /api/nothing/here.', details: {} });
  });
});

describe('downloads', () => {
  it('CSV and XLSX are formula-safe, watermarked and audited as exports', async () => {
    await f.t.db.updateTable('child_identity').set({ surname: '=HYPERLINK("http://evil.example","click")', forename: '+SUM(1)' }).where('la_code', '=', LA).where('child_id', '=', 'C2').execute();
    const csv = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/children?format=csv&include=identity`, headers: f.as.sm!.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="children-931-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('childId,dateOfBirth,expectedDob,sex,ethnicity,uasc,cin,cp,cla,forename,surname,upn');
    expect(lines[2]).toContain(`'+SUM(1),"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines.at(-1)).toMatch(new RegExp(`^OFFICIAL-SENSITIVE\\. Exported by ${emailOf('sm')} at \\d{4}-`));
    const audit = await f.t.db.selectFrom('audit_log').selectAll().where('la_code', '=', LA).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'export', child_ids: ['C1', 'C2'], details: { format: 'csv', rows: 2 } });
    expect((audit.details as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);

    const xlsx = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/children?format=xlsx&include=identity`, headers: f.as.sm!.headers });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('data')!;
    expect(sheet.getRow(3).getCell(11).value).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(String(sheet.getRow(5).getCell(1).value)).toContain(`Exported by ${emailOf('sm')}`);
  });
});
