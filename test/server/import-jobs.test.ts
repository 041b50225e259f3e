import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReturn } from '../../src/export/index.js';
import { IMPORT_PHASES, percentOf } from '../../src/server/import-progress.js';
import { verifyAuditChain } from '../../src/server/index.js';
import { createFixture, LA, OTHER_LA, signIn, type Fixture } from './fixture.js';

/** Import jobs (upload → job id → progress → problem report) and statutory return downloads. */
let f: Fixture;
const uploadDir = mkdtempSync(join(tmpdir(), 'csc-job-test-'));
beforeAll(async () => {
  f = await createFixture({ uploadDir }, ['admin', 'analyst', 'otherAdmin']);
});
afterAll(async () => f?.close());

const HEADER = 'Worker ID,Role,Team ID,Team name,Team type,FTE,Agency,Start date,Leave date,Caseload at census date';
const GOOD = `${HEADER}\nSW9,social_worker,T9,Team Nine,cin,1,N,01/09/2020,,12\n`;
const BAD = `${HEADER}\nSW8,social_worker,T9,Team Nine,cin,1,N,31/02/2020,,12\n`;

function multipart(name: string, content: string) {
  const boundary = 'jobboundary';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload: body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(who: string, name: string, content: string) {
  const { payload, contentType } = multipart(name, content);
  return f.app.inject({ method: 'POST', url: `/api/authorities/${LA}/imports`, headers: { ...f.as[who]!.headers, 'content-type': contentType }, payload });
}

interface JobView { jobId: string; status: string; phase: string; percent: number; errors: number; batchIds: number[]; statusUrl?: string }

/** Follows a job until it ends, recording each status seen (as the web app's progress bar does). */
async function follow(jobId: string): Promise<{ job: JobView; seen: JobView[] }> {
  const seen: JobView[] = [];
  for (;;) {
    const response = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/import-jobs/${jobId}`, headers: f.as.admin!.headers });
    expect(response.statusCode).toBe(200);
    const job = response.json() as JobView;
    seen.push(job);
    if (job.status === 'succeeded' || job.status === 'failed') return { job, seen };
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('import jobs', () => {
  it('maps importer progress onto one bar, phase by phase (hand-computed)', () => {
    expect(percentOf({ phase: 'read', done: 1, total: 4 })).toBe(10); // 0 + 40 × 1/4
    expect(percentOf({ phase: 'merge', done: 0, total: 1 })).toBe(45);
    expect(percentOf({ phase: 'write', done: 1, total: 2 })).toBe(70); // 55 + 30 × 1/2 = 70
    expect(percentOf({ phase: 'indicators', done: 1, total: 2 })).toBe(92); // 85 + 14 × 1/2 = 92
    expect(percentOf({ phase: 'done', done: 1, total: 1 })).toBe(100);
    expect(percentOf({ phase: 'write', done: 0, total: 0 })).toBe(55);
    expect(Object.values(IMPORT_PHASES).every((p) => p.from <= p.to)).toBe(true);
  });

  it('an upload answers 202 with a job id at once; the job reports progress and ends with the batch written', async () => {
    const response = await upload('admin', 'workforce_2024.csv', GOOD);
    expect(response.statusCode).toBe(202);
    const created = response.json() as JobView;
    expect(created.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(['queued', 'running']).toContain(created.status);
    expect(response.headers.location).toBe(`/api/authorities/${LA}/import-jobs/${created.jobId}`);
    const { job, seen } = await follow(created.jobId);
    expect(job).toMatchObject({ status: 'succeeded', phase: 'done', percent: 100, errors: 0 });
    expect(job.batchIds).toHaveLength(1);
    const percents = seen.map((s) => s.percent);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents); // never goes backwards
    const worker = await f.t.db.selectFrom('worker').select('worker_id').where('la_code', '=', LA).where('worker_id', '=', 'SW9').executeTakeFirst();
    expect(worker).toEqual({ worker_id: 'SW9' });
    // The upload folder is removed when the job ends.
    expect(readdirSync(join(uploadDir, LA))).toEqual([]);
    const audit = await f.t.db.selectFrom('audit_log').select(['action', 'resource', 'resource_id', 'outcome', 'user_id']).where('la_code', '=', LA).where('resource', '=', 'import_job').orderBy('seq').execute();
    expect(audit).toEqual([
      { action: 'create', resource: 'import_job', resource_id: created.jobId, outcome: 'allowed', user_id: f.userIds.admin },
      { action: 'import', resource: 'import_job', resource_id: created.jobId, outcome: 'allowed', user_id: f.userIds.admin },
    ]);
  });

  it('a refused file set fails with nothing written, and its problem report downloads as CSV and JSON (audited)', async () => {
    const response = await upload('admin', 'workforce_2023.csv', BAD);
    expect(response.statusCode).toBe(202);
    const { job } = await follow((response.json() as JobView).jobId);
    expect(job.status).toBe('failed');
    expect(job.errors).toBeGreaterThan(0);
    expect(job.batchIds).toEqual([]);
    expect(await f.t.db.selectFrom('worker').select('worker_id').where('la_code', '=', LA).where('worker_id', '=', 'SW8').executeTakeFirst()).toBeUndefined();

    const json = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/import-jobs/${job.jobId}/problems`, headers: f.as.admin!.headers });
    expect(json.statusCode).toBe(200);
    const report = json.json() as { problems: { file: string; line: number; column: string; value: string; rule: string }[] };
    expect(report.problems).toContainEqual(expect.objectContaining({ file: 'workforce_2023.csv', line: 2, column: 'Start date', value: '31/02/2020' }));
    const csv = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/import-jobs/${job.jobId}/problems?format=csv`, headers: f.as.admin!.headers });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="import-problems-931-[0-9a-f]{8}\.csv"/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('severity,file,line,column,value,rule,message,expected');
    expect(lines.some((l) => l.startsWith('error,workforce_2023.csv,2,Start date,31/02/2020,'))).toBe(true);
    const reads = await f.t.db.selectFrom('audit_log').select('details').where('la_code', '=', LA).where('resource', '=', 'import_report').where('resource_id', '=', job.jobId).execute();
    expect(reads.map((r) => (r.details as { format: string }).format)).toEqual(['json', 'csv']);
  });

  it('jobs are scoped to the authority: another authority\'s administrator cannot see them, nor can an analyst', async () => {
    const list = (await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/import-jobs`, headers: f.as.admin!.headers })).json() as { items: JobView[] };
    expect(list.items.length).toBe(2);
    const jobId = list.items[0]!.jobId;
    const other = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/import-jobs/${jobId}`, headers: f.as.otherAdmin!.headers });
    expect(other.json()).toMatchObject({ code: 'authority_not_permitted' });
    const viaOwn = await f.app.inject({ method: 'GET', url: `/api/authorities/${OTHER_LA}/import-jobs/${jobId}`, headers: f.as.otherAdmin!.headers });
    expect(viaOwn.statusCode).toBe(404);
    const analyst = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/import-jobs/${jobId}`, headers: f.as.analyst!.headers });
    expect(analyst.json()).toMatchObject({ code: 'role_not_permitted' });
    expect(await verifyAuditChain(f.t.db, LA)).toEqual([expect.objectContaining({ laCode: LA, ok: true })]);
  });
});

/** Reads a ZIP (deflate or store) into name → bytes: enough to check what the route sent. */
function unzip(zip: Buffer): Record<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: Record<string, Buffer> = {};
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    out[name] = method === 8 ? inflateRawSync(raw) : raw;
    at += 46 + nameLength + extra;
  }
  return out;
}

describe('statutory return downloads', () => {
  it('an administrator downloads each return for a year: XML and CSV as themselves, the SSDA903 CSV set as a zip; each is audited with its hash', async () => {
    const admin = await signIn(f.app, 'admin');
    for (const format of ['903', '903-xml', 'cin', 'workforce', 'annex-a', 'annex-a-csv'] as const) {
      const response = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/returns/${format}?year=2024`, headers: admin.headers });
      expect(response.statusCode, format).toBe(200);
      const expected = await exportReturn(f.t.db, { laCode: LA, year: 2024, format });
      const names = Object.keys(expected.files);
      const sent = format === '903' || format === 'annex-a-csv' ? unzip(response.rawPayload) : { [names[0]!]: response.rawPayload };
      expect(Object.keys(sent).sort(), format).toEqual(names.sort());
      for (const name of names) expect(Buffer.compare(sent[name]!, Buffer.from(expected.files[name]!)), `${format} ${name}`).toBe(0);
      const types = { '903': 'application/zip', 'annex-a-csv': 'application/zip', workforce: 'text/csv', 'annex-a': 'spreadsheetml', cin: 'application/xml', '903-xml': 'application/xml' };
      expect(response.headers['content-type'], format).toContain(types[format]);
      expect(response.headers['content-disposition'], format).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
      const audit = await f.t.db.selectFrom('audit_log').selectAll().where('la_code', '=', LA).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(audit, format).toMatchObject({ action: 'export', resource: 'statutory_return', resource_id: `${format}:2024`, user_id: f.userIds.admin });
      expect((audit.details as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // The workforce return holds the worker imported above.
    const workforce = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/returns/workforce?year=2024`, headers: admin.headers });
    expect(workforce.body).toContain('SW9');
  });

  it('refuses other roles, other authorities, unknown formats and bad years', async () => {
    const analyst = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/returns/cin?year=2024`, headers: f.as.analyst!.headers });
    expect(analyst.json()).toMatchObject({ code: 'role_not_permitted' });
    const other = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/returns/cin?year=2024`, headers: f.as.otherAdmin!.headers });
    expect(other.json()).toMatchObject({ code: 'authority_not_permitted' });
    for (const url of [`/api/authorities/${LA}/returns/annex-b?year=2024`, `/api/authorities/${LA}/returns/cin?year=1999`, `/api/authorities/${LA}/returns/cin`]) {
      expect((await f.app.inject({ method: 'GET', url, headers: f.as.admin!.headers })).statusCode, url).toBe(400);
    }
  });
});
