import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMigrated } from '../db/index.js';
import { runCli, tempDataDir, testDatabaseKind } from '../../test/support/cli.js';
import { demoTruth, simulateHistory } from './simulate-history.js';

// The command's behaviour is the same on both databases (the adapter is tested on both).
describe.runIf(testDatabaseKind === 'pglite')('csc forecast', () => {
  const dataDir = tempDataDir();
  let inCare = 0;

  beforeAll(async () => {
    const handle = await openMigrated({ dataDir });
    const { episodes, children } = simulateHistory(demoTruth(80), { laCode: '931', warmUpStart: '2014-04-01', dataEnd: '2024-03-31', seed: 4 });
    const db = handle.db;
    await db.insertInto('local_authority').values({ la_code: '931', name: 'Oxfordshire', region_code: null, region_name: null }).execute();
    const used = children.filter((c) => episodes.some((e) => e.childId === c.childId));
    await db.insertInto('child').values(used.map((c) => ({ la_code: '931', child_id: c.childId, date_of_birth: c.dateOfBirth, sex: 'F', ethnicity: 'WBRI', uasc: c.uasc }))).execute();
    await db.insertInto('care_period').values(used.map((c) => ({ la_code: '931', period_id: `P${c.childId}`, child_id: c.childId, start_date: '2000-01-01' }))).execute();
    await db.insertInto('cla_episode').values(episodes.map((e, i) => ({
      la_code: '931', episode_id: `E${i}`, child_id: e.childId, period_id: `P${e.childId}`, decom: e.decom, dec: e.dec,
      rne: 'S', legal_status: 'C2', cin_category: 'N1', place: e.place, place_provider: e.placeProvider, rec: e.rec,
    }))).execute();
    inCare = episodes.filter((e) => e.dec === null).length;
    await handle.close();
  });

  it('prints a forecast with intervals, spend, posts and a scenario comparison', () => {
    const { status, stdout, stderr } = runCli(['--data-dir', dataDir, 'forecast', '--la', '931', '--years', '2', '--runs', '100', '--scenario', 'entries-fall-10']);
    expect(stderr).toContain('cla: baseline: 100/100 runs');
    expect(status).toBe(0);
    expect(stdout).toContain(`Forecast for 931 from 2024-03-31: ${inCare} children in care, 100 runs.`);
    expect(stdout).toMatch(/total\s+\d+ \(\d+–\d+\)/);
    expect(stdout).toContain('Placement spend per year');
    expect(stdout).toContain('Posts implied');
    expect(stdout).toContain("Scenario 'entries-fall-10'");
  }, 180_000);

  it('writes the fan-chart table as CSV', () => {
    const out = join(dataDir, 'fan.csv');
    const csv = runCli(['--data-dir', dataDir, 'forecast', '--la', '931', '--years', '1', '--runs', '50', '--format', 'csv', '--out', out]);
    expect(csv.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('date,series,mean,p025,p10,p25,p50,p75,p90,p975');
    expect(lines).toHaveLength(1 + 13 * 5); // 13 monthly dates × (4 categories + total)
  }, 180_000);

  // Checked before the database is opened, so these are quick.
  it('fails with one clear sentence', () => {
    const bad = join(dataDir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'x', changes: [{ kind: 'entries', change: 'lots' }] }));
    const result = runCli(['--data-dir', dataDir, 'forecast', '--la', '931', '--scenario', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}: changes.0.change`);
    const years = runCli(['--data-dir', dataDir, 'forecast', '--la', '931', '--years', '9']);
    expect(years.stderr).toContain('--years must be a whole number from 1 to 5');
  }, 180_000);
});
