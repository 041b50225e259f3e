/**
 * Import throughput benchmark (run: npx tsx bench/ingest.bench.ts).
 *
 * 1. A CIN census XML of 15,000 children, generated here, loaded into an empty embedded
 *    database (PGlite, in memory). Target: under 5 s.
 * 2. A large authority's 10 years of SSDA903 (CSV sets) and CIN census (XML), built with the
 *    deterministic fixture builder, exported with src/export, then loaded in one import.
 * 3. Ofsted Annex A of an authority (fixture builder, two years of history), exported as the
 *    workbook and as CSV lists with src/export, each loaded into an empty database.
 * Prints the machine, data sizes, the median of several runs, rows/s and peak memory (RSS).
 * Sizes can be changed with BENCH_CIN_CHILDREN, BENCH_LA_CHILDREN, BENCH_ANNEX_CHILDREN and
 * BENCH_RUNS; BENCH_ONLY=cin|la|annex runs one case.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { Kysely } from 'kysely';
import { addAuthority, migrateToLatest, openDatabase, type CscDatabase } from '../src/db/index.js';
import { exportReturn } from '../src/export/index.js';
import { importFiles, type ImportReport, type InputFile } from '../src/ingest/index.js';
import { buildAuthority, loadAuthority } from '../test/ingest/fixture-authority.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CIN_CHILDREN = Number(process.env.BENCH_CIN_CHILDREN ?? 15_000);
const LA_CHILDREN = Number(process.env.BENCH_LA_CHILDREN ?? 6_000);
const ANNEX_CHILDREN = Number(process.env.BENCH_ANNEX_CHILDREN ?? 10_000);
const ONLY = process.env.BENCH_ONLY;

async function freshDatabase(): Promise<CscDatabase> {
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db as unknown as Kysely<unknown>);
  await addAuthority(handle.db, { laCode: '931', name: 'Bench' });
  return handle;
}

/** A plausible census: every child referred, assessed with factors; a third with S47, ICPC, CP plan and review; a third with a CIN plan. */
function cinCensusXml(children: number, year: number): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<Message>', '<Header><CollectionDetails><Collection>CIN</Collection>',
    `<Year>${year}</Year><ReferenceDate>${year}-03-31</ReferenceDate></CollectionDetails>`, '<Source><SourceLevel>L</SourceLevel><LEA>931</LEA></Source></Header>', '<Children>'];
  const day = (n: number) => new Date(Date.UTC(year - 1, 3, 1) + n * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < children; i++) {
    const base = i % 250;
    const referral = day(base);
    const kind = i % 3;
    out.push('<Child><ChildIdentifiers>', `<LAchildID>B${100000 + i}</LAchildID><UPN>A931${String(10000000 + i)}0</UPN>`,
      `<PersonBirthDate>${2008 + (i % 15)}-0${1 + (i % 9)}-15</PersonBirthDate><Sex>${i % 2 ? 'F' : 'M'}</Sex></ChildIdentifiers>`,
      '<ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>',
      `<CINdetails><CINreferralDate>${referral}</CINreferralDate><ReferralSource>2A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>`,
      `<Assessments><AssessmentActualStartDate>${referral}</AssessmentActualStartDate><AssessmentAuthorisationDate>${day(base + 20)}</AssessmentAuthorisationDate>`,
      '<FactorsIdentifiedAtAssessment><AssessmentFactors>3B</AssessmentFactors><AssessmentFactors>4B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>');
    if (kind === 1) out.push(`<CINPlanDates><CINPlanStartDate>${day(base + 25)}</CINPlanStartDate></CINPlanDates>`);
    if (kind === 2) out.push(`<Section47><S47ActualStartDate>${day(base + 2)}</S47ActualStartDate><InitialCPCtarget>${day(base + 23)}</InitialCPCtarget><DateOfInitialCPC>${day(base + 16)}</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>`);
    out.push('<ReferralNFA>0</ReferralNFA>');
    if (kind === 2) out.push(`<ChildProtectionPlans><CPPstartDate>${day(base + 16)}</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews><CPPreviewDate>${day(base + 60)}</CPPreviewDate></Reviews></ChildProtectionPlans>`);
    out.push('</CINdetails></Child>');
  }
  out.push('</Children>', '</Message>');
  return out.join('\n');
}

function rowsWritten(report: ImportReport): number {
  return Object.values(report.counts).reduce((sum, c) => sum + c.inserted + c.updated + c.deleted, 0);
}

interface Measured {
  seconds: number;
  /** CPU time of this process: close to the wall time an idle machine would show (PGlite runs in-process). */
  cpuSeconds: number;
  rows: number;
  peakMb: number;
}

async function measure(label: string, files: InputFile[]): Promise<Measured> {
  const results: Measured[] = [];
  for (let run = 0; run < RUNS; run++) {
    const handle = await freshDatabase();
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const report = await importFiles(handle.db, { laCode: '931', files, importedBy: 'bench' });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!report.ok) throw new Error(`${label}: import refused: ${[...new Set(report.issues.filter((i) => i.severity === 'error').map((i) => `${i.column}: ${i.message}`))].slice(0, 12).join('; ')}`);
    results.push({ seconds, cpuSeconds, rows: rowsWritten(report), peakMb: peak / 2 ** 20 });
    console.log(`  run ${run + 1}: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, ${results.at(-1)!.rows} rows, peak RSS ${results.at(-1)!.peakMb.toFixed(0)} MB`);
    await handle.close();
  }
  results.sort((a, b) => a.seconds - b.seconds);
  return results[Math.floor(results.length / 2)]!;
}

console.log(`Machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}; PGlite in memory; ${RUNS} runs, median shown`);

if (!ONLY || ONLY === 'cin') {
const xml = cinCensusXml(CIN_CHILDREN, 2025);
const cinFile = [{ name: 'cin_census_2025.xml', data: new TextEncoder().encode(xml) }];
console.log(`\n1. CIN census XML: ${CIN_CHILDREN} children, ${(cinFile[0]!.data.length / 2 ** 20).toFixed(1)} MB`);
const cin = await measure('CIN census', cinFile);
console.log(`   median ${cin.seconds.toFixed(2)} s wall (${cin.seconds < 5 ? 'meets' : 'MISSES'} the 5 s target), ${cin.cpuSeconds.toFixed(2)} s CPU, ${Math.round(cin.rows / cin.seconds)} rows/s, peak RSS ${cin.peakMb.toFixed(0)} MB`);

}

if (!ONLY || ONLY === 'la') {
console.log(`\n2. Large authority, 10 years (2016 to 2025) of SSDA903 + CIN census, ${LA_CHILDREN} children`);
const source = await freshDatabase();
await source.db.deleteFrom('local_authority').execute();
await loadAuthority(source.db, buildAuthority({ children: LA_CHILDREN, firstYear: 2016, lastYear: 2025, seed: 11 }));
const files: InputFile[] = [];
for (let year = 2016; year <= 2025; year++) {
  for (const format of ['903', 'cin'] as const) {
    const out = await exportReturn(source.db, { laCode: '931', year, format });
    for (const [name, data] of Object.entries(out.files)) files.push({ name, data });
  }
}
await source.close();
const bytes = files.reduce((s, f) => s + f.data.length, 0);
console.log(`   ${files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MB`);
const la = await measure('10 years', files);
console.log(`   median ${la.seconds.toFixed(2)} s wall, ${la.cpuSeconds.toFixed(2)} s CPU, ${la.rows} rows written, ${Math.round(la.rows / la.seconds)} rows/s, peak RSS ${la.peakMb.toFixed(0)} MB`);
}

if (!ONLY || ONLY === 'annex') {
  console.log(`\n3. Annex A as at 31 March 2025 of an authority of ${ANNEX_CHILDREN} children (two years of history)`);
  const source = await freshDatabase();
  await source.db.deleteFrom('local_authority').execute();
  await loadAuthority(source.db, buildAuthority({ children: ANNEX_CHILDREN, firstYear: 2024, lastYear: 2025, seed: 5 }));
  for (const format of ['annex-a', 'annex-a-csv'] as const) {
    const out = await exportReturn(source.db, { laCode: '931', year: 2025, format });
    const files: InputFile[] = Object.entries(out.files).map(([name, data]) => ({ name, data }));
    const bytes = files.reduce((s, f) => s + f.data.length, 0);
    console.log(`   ${format === 'annex-a' ? 'workbook' : 'CSV lists'}: ${files.length} file(s), ${(bytes / 2 ** 20).toFixed(1)} MB`);
    const m = await measure(`Annex A ${format}`, files);
    console.log(`   median ${m.seconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU, ${m.rows} rows written, ${Math.round(m.rows / m.seconds)} rows/s, peak RSS ${m.peakMb.toFixed(0)} MB`);
  }
  await source.close();
}
