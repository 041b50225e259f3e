/** Build `areas.json` (LAs, regions, England) and `neighbours.json` (statistical neighbours). */
import { SOURCE_FILES } from '../../src/reference/measures.js';
import type { AreasFile, AuthorityRecord, Closeness, Neighbour, NeighboursFile, RegionRecord } from '../../src/reference/schema.js';
import { ENGLAND, normaliseLaCode, parseYear, readCsv, readCsvRows, type Row } from './csv.js';

const LONDON = 'E12000007';
const INNER_OUTER_LONDON = new Set(['E13000001', 'E13000002']);

/**
 * Local government reorganisation within the data's coverage (from the DfE README): predecessor
 * DfE code → successor codes. Christchurch (in old Dorset) went to BCP, hence 835 → 838 and 839.
 */
const REORGANISATION: Readonly<Record<string, readonly string[]>> = {
  '835': ['838', '839'], // Dorset (pre-2019) → Dorset, Bournemouth Christchurch and Poole
  '836': ['839'], // Poole → BCP
  '837': ['839'], // Bournemouth → BCP
  '928': ['940', '941'], // Northamptonshire → North / West Northamptonshire (2022)
  '909': ['942', '943'], // Cumbria → Cumberland / Westmorland and Furness (2024)
};

/** Files whose LA rows carry GSS codes, used to collect every GSS code an LA has had. */
const GSS_FILES = [SOURCE_FILES.b1, SOURCE_FILES.ons, SOURCE_FILES.claRate, SOURCE_FILES.csww, SOURCE_FILES.expenditure];

export function buildAreas(sourceDir: string): AreasFile {
  // The CIN b1 table (2025 release) has exactly one row per LA per year of its lifetime.
  const b1 = readCsv(sourceDir, SOURCE_FILES.b1);
  const latestYear = Math.max(...b1.map((r) => parseYear(r['time_period'] ?? '')));

  const regions = new Map<string, RegionRecord>();
  const las = new Map<string, { rows: { year: number; row: Row }[] }>();
  for (const row of b1) {
    const year = parseYear(row['time_period'] ?? '');
    if (row['geographic_level'] === 'Regional') {
      const code = row['region_code'] ?? '';
      regions.set(code, { code, name: row['region_name'] ?? '', parentCode: INNER_OUTER_LONDON.has(code) ? LONDON : null });
    } else if (row['geographic_level'] === 'Local authority') {
      const code = normaliseLaCode(row['old_la_code'] ?? '');
      const entry = las.get(code) ?? { rows: [] };
      entry.rows.push({ year, row });
      las.set(code, entry);
    }
  }
  const london = regions.get(LONDON);
  if (!london) throw new Error('London region missing from b1');

  const gss = new Map<string, Set<string>>();
  for (const file of GSS_FILES) {
    for (const row of readCsv(sourceDir, file)) {
      if (row['geographic_level'] !== 'Local authority') continue;
      const code = normaliseLaCode(row['old_la_code'] ?? '');
      if (code.includes('/')) continue;
      const g = (row['new_la_code'] ?? '').trim();
      if (!g) continue;
      const set = gss.get(code) ?? new Set<string>();
      set.add(g);
      gss.set(code, set);
    }
  }

  const successorsOf = new Map<string, string[]>();
  const predecessorsOf = new Map<string, string[]>();
  for (const [pred, succs] of Object.entries(REORGANISATION)) {
    successorsOf.set(pred, [...succs]);
    for (const s of succs) predecessorsOf.set(s, [...(predecessorsOf.get(s) ?? []), pred].sort());
  }

  const authorities: AuthorityRecord[] = [];
  for (const code of [...las.keys()].sort()) {
    const rows = (las.get(code) as { rows: { year: number; row: Row }[] }).rows.sort((a, b) => a.year - b.year);
    const first = rows[0] as { year: number; row: Row };
    const last = rows[rows.length - 1] as { year: number; row: Row };
    const gssCode = (last.row['new_la_code'] ?? '').trim();
    const regionCode = (last.row['region_code'] ?? '').trim();
    const isLondon = INNER_OUTER_LONDON.has(regionCode);
    const region = isLondon ? london : regions.get(regionCode);
    if (!region) throw new Error(`LA ${code}: unknown region ${regionCode}`);
    const sub = isLondon ? regions.get(regionCode) : undefined;
    const workforceArea = code === '314' || code === '318' ? '314/318' : code === '940' || code === '941' ? '940/941' : null;
    authorities.push({
      code,
      name: (last.row['la_name'] ?? '').trim(),
      gssCode,
      otherGssCodes: [...(gss.get(code) ?? [])].filter((g) => g !== gssCode).sort(),
      regionCode: region.code,
      regionName: region.name,
      subRegionCode: sub?.code ?? null,
      subRegionName: sub?.name ?? null,
      firstYear: first.year,
      lastYear: last.year,
      current: last.year === latestYear,
      predecessors: predecessorsOf.get(code) ?? [],
      successors: successorsOf.get(code) ?? [],
      workforceArea,
    });
  }
  for (const code of [...Object.keys(REORGANISATION), ...Object.values(REORGANISATION).flat()]) {
    if (!las.has(code)) throw new Error(`reorganisation table names unknown LA ${code}`);
  }

  return {
    england: { code: ENGLAND, name: 'England' },
    regions: [...regions.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
    authorities,
    jointWorkforceAreas: { '314/318': ['314', '318'], '940/941': ['940', '941'] },
  };
}

const CLOSENESS: Readonly<Record<string, Closeness>> = {
  'extremely close': 'Extremely close',
  'very close': 'Very close',
  close: 'Close',
  'somewhat close': 'Somewhat close',
  'not close': 'Not close',
};

function closeness(raw: string, where: string): Closeness {
  const c = CLOSENESS[raw.trim().toLowerCase()];
  if (!c) throw new Error(`${where}: unknown closeness ${JSON.stringify(raw)}`);
  return c;
}

export function buildNeighbours(sourceDir: string, knownCodes: ReadonlySet<string>): NeighboursFile {
  const check = (model: string, code: string, list: Neighbour[]): Neighbour[] => {
    if (list.length !== 10) throw new Error(`${model} ${code}: ${list.length} neighbours`);
    for (const n of list) {
      if (!knownCodes.has(n.code)) throw new Error(`${model} ${code}: unknown neighbour ${n.code}`);
      if (n.code === code) throw new Error(`${model} ${code}: is its own neighbour`);
    }
    return list;
  };

  const m2025: Record<string, Neighbour[]> = {};
  for (const row of readCsv(sourceDir, SOURCE_FILES.sn2025)) {
    const code = (row['old_la_code'] ?? '').trim();
    const list: Neighbour[] = [];
    for (let i = 1; i <= 10; i++) {
      list.push({ code: (row[`SN_${i}`] ?? '').trim(), rank: i, closeness: closeness(row[`SN_${i}P`] ?? '', `2025 ${code}`) });
    }
    m2025[code] = check('2025', code, list);
  }

  // 2021 file: read by position (ten closeness columns share the name "SNP"); stop at blank rows.
  const m2021: Record<string, Neighbour[]> = {};
  const rows = readCsvRows(sourceDir, SOURCE_FILES.sn2021);
  for (const row of rows.slice(1)) {
    const code = (row[0] ?? '').trim();
    if (!/^\d{3}$/.test(code)) continue; // blank and "Old SNs:" separator rows
    const list: Neighbour[] = [];
    for (let i = 0; i < 10; i++) {
      list.push({ code: (row[5 + 2 * i] ?? '').trim(), rank: i + 1, closeness: closeness(row[6 + 2 * i] ?? '', `2021 ${code}`) });
    }
    m2021[code] = check('2021', code, list);
  }

  const sortKeys = <T>(o: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k] as T]));

  return {
    default: '2025',
    models: {
      '2021': {
        source: SOURCE_FILES.sn2021,
        description:
          'DfE statistical neighbours, April 2021 model (after the 2021 reorganisation): 152 LAs incl. Cumbria (909), plus pre-reorganisation Dorset 835, Poole 836, Bournemouth 837 and Northamptonshire 928.',
        authorities: sortKeys(m2021),
      },
      '2025': {
        source: SOURCE_FILES.sn2025,
        description: 'DfE statistical neighbours, 2025 model: the 153 LAs of 2025 (incl. Cumberland 942, Westmorland and Furness 943).',
        authorities: sortKeys(m2025),
      },
    },
  };
}
