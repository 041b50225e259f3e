/**
 * Build the compact DfE reference data in `data/reference/` from the DfE/ONS CSVs.
 *
 *   npx tsx scripts/build-reference.ts [--source ../shared/data/dfe] [--out data/reference] [--check] [--quiet]
 *
 * --source  DfE data folder (default `../shared/data/dfe`, relative to the repository root)
 * --out     output folder (default `data/reference`, relative to the repository root)
 * --check   do not write; exit 1 if any generated file differs from the one on disk
 *
 * Output is deterministic (sorted keys, no timestamps): re-running on the same sources gives
 * byte-identical files. See data/reference/README.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATASETS, MEASURES, SOURCE_FILES, type DatasetId } from '../src/reference/measures.js';
import { areasFileSchema, datasetFileSchema, neighboursFileSchema, type DatasetFile } from '../src/reference/schema.js';
import { buildAreas, buildNeighbours } from './reference/areas.js';
import { addDerived, extractColumns, toDatasetFile } from './reference/datasets.js';
import { stableStringify } from './reference/json.js';
import { runRateChecks, summariseRateChecks } from './reference/rate-check.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  source: string;
  out: string;
  check: boolean;
  quiet: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { source: '../shared/data/dfe', out: 'data/reference', check: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--source') opts.source = value();
    else if (a?.startsWith('--source=')) opts.source = a.slice('--source='.length);
    else if (a === '--out') opts.out = value();
    else if (a?.startsWith('--out=')) opts.out = a.slice('--out='.length);
    else if (a === '--check') opts.check = true;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx scripts/build-reference.ts [--source DIR] [--out DIR] [--check] [--quiet]');
      process.exit(0);
    } else throw new Error(`unknown argument ${String(a)}`);
  }
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(REPO_ROOT, p));
  return { ...opts, source: abs(opts.source), out: abs(opts.out) };
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Generate every output file: name → content. */
export function generate(sourceDir: string): Map<string, string> {
  const files = new Map<string, string>();

  const areas = areasFileSchema.parse(buildAreas(sourceDir));
  files.set('areas.json', stableStringify(areas, 3));

  const known = new Set(areas.authorities.map((a) => a.code));
  const neighbours = neighboursFileSchema.parse(buildNeighbours(sourceDir, known));
  files.set('neighbours.json', stableStringify(neighbours, 4));

  const tables = extractColumns(sourceDir);
  addDerived(tables);
  const datasetFiles = new Map<DatasetId, DatasetFile>();
  for (const id of Object.keys(DATASETS) as DatasetId[]) {
    const file = datasetFileSchema.parse(toDatasetFile(id, tables.get(id) ?? new Map()));
    for (const block of Object.values(file.measures)) {
      for (const area of Object.keys(block.values)) {
        if (!area.includes('/') && !known.has(area) && !area.startsWith('E')) throw new Error(`${id}: unknown area ${area}`);
      }
    }
    datasetFiles.set(id, file);
    files.set(DATASETS[id].file, stableStringify(file, 4, ' '));
  }

  // Measure catalogue with the years each measure has data for.
  const coverage = new Map<string, { first: number; last: number; areas: number }>();
  for (const file of datasetFiles.values()) {
    for (const [id, block] of Object.entries(file.measures)) {
      coverage.set(id, { first: block.firstYear, last: block.lastYear, areas: Object.keys(block.values).length });
    }
  }
  const measures = MEASURES.map((m) => {
    const c = coverage.get(m.id);
    if (!c) throw new Error(`measure ${m.id} has no data`);
    return { ...m, firstYear: c.first, lastYear: c.last, areaCount: c.areas, yearBasis: DATASETS[m.dataset].yearBasis };
  });
  files.set('measures.json', stableStringify({ measures }, 2));

  const sources = Object.values(SOURCE_FILES)
    .map((f) => ({ file: f, bytes: statSync(join(sourceDir, f)).size, sha256: sha256(join(sourceDir, f)) }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  const manifest = {
    description: 'Compact DfE/ONS/MHCLG children’s social care reference data for CSC Workbench. See README.md.',
    generator: 'scripts/build-reference.ts',
    licence: 'Open Government Licence v3.0',
    attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.',
    upstream:
      'dfe-analytical-services/CSC_outcomes_and_enablers (commit 2f5d11a, MIT collection; data OGL v3.0) and data-to-insight/ERN-sessions (CIN 2024 release files)',
    yearLabel: 'Years are labelled by the END year of the collection year: 2024 = 1 April 2023 to 31 March 2024 (see each dataset yearBasis).',
    datasets: Object.fromEntries(
      [...datasetFiles].map(([id, f]) => [
        id,
        {
          file: DATASETS[id].file,
          title: DATASETS[id].title,
          yearBasis: f.yearBasis,
          firstYear: Math.min(...Object.values(f.measures).map((b) => b.firstYear)),
          lastYear: Math.max(...Object.values(f.measures).map((b) => b.lastYear)),
          measures: Object.keys(f.measures).length,
        },
      ]),
    ),
    measureCount: MEASURES.length,
    sources,
  };
  files.set('manifest.json', stableStringify(manifest, 3));
  return files;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.source)) {
    console.error(`DfE source folder not found: ${opts.source} (use --source)`);
    process.exit(2);
  }
  const files = generate(opts.source);
  let changed = 0;
  mkdirSync(opts.out, { recursive: true });
  for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = join(opts.out, name);
    const same = existsSync(path) && readFileSync(path, 'utf8') === content;
    if (!same) changed++;
    if (!opts.check && !same) writeFileSync(path, content);
    if (!opts.quiet) {
      console.log(`${same ? 'unchanged' : opts.check ? 'DIFFERS  ' : 'written  '} ${name} (${Buffer.byteLength(content).toLocaleString('en-GB')} bytes)`);
    }
  }
  if (!opts.quiet && existsSync(join(opts.source, SOURCE_FILES.onsCin2024))) {
    console.log('\nRate reproduction (published rate = round half up(count ÷ ONS 0-17 mid-(Y−1) × 10,000)):');
    console.log(summariseRateChecks(runRateChecks(opts.source)));
  }
  if (opts.check && changed > 0) {
    console.error(`${changed} file(s) differ from a fresh build; run npx tsx scripts/build-reference.ts`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
