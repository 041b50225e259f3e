/**
 * Extract every measure of the catalogue (`src/reference/measures.ts`) from the DfE CSVs and
 * compute the derived measures. Result: dataset → area → measure → year → cell.
 */
import { DATASETS, MEASURES, type DatasetId, type Derivation, type MeasureDef } from '../../src/reference/measures.js';
import { divideHalfUp, type Cell, type DatasetFile, type Marker } from '../../src/reference/schema.js';
import { areaKey, parseCell, parseYear, readCsv } from './csv.js';

/** area → measure → year → cell */
export type AreaTable = Map<string, Map<string, Map<number, Cell>>>;
export type Tables = Map<DatasetId, AreaTable>;

function setCell(table: AreaTable, area: string, measure: string, year: number, cell: Cell): void {
  let byMeasure = table.get(area);
  if (!byMeasure) table.set(area, (byMeasure = new Map()));
  let byYear = byMeasure.get(measure);
  if (!byYear) byMeasure.set(measure, (byYear = new Map()));
  const prev = byYear.get(year);
  if (prev !== undefined && prev !== cell) {
    throw new Error(`conflicting values for ${area} ${measure} ${year}: ${String(prev)} vs ${String(cell)}`);
  }
  byYear.set(year, cell);
}

export function getCell(table: AreaTable | undefined, area: string, measure: string, year: number): Cell {
  return table?.get(area)?.get(measure)?.get(year) ?? null;
}

/** Extract the column measures, reading each source file once. */
export function extractColumns(sourceDir: string): Tables {
  const tables: Tables = new Map();
  for (const id of Object.keys(DATASETS) as DatasetId[]) tables.set(id, new Map());

  const byFile = new Map<string, MeasureDef[]>();
  for (const m of MEASURES) {
    if (!m.column) continue;
    const list = byFile.get(m.file) ?? [];
    list.push(m);
    byFile.set(m.file, list);
  }

  for (const [file, measures] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rows = readCsv(sourceDir, file);
    const matched = new Map<string, number>();
    for (const row of rows) {
      const timePeriod = row['time_period'];
      if (timePeriod === undefined) throw new Error(`${file}: no time_period column`);
      const year = parseYear(timePeriod);
      const area = areaKey(row);
      for (const m of measures) {
        if (m.where && !Object.entries(m.where).every(([k, v]) => (row[k] ?? '').trim() === v)) continue;
        const column = m.column as string;
        if (!(column in row)) throw new Error(`${file}: no column ${column} (measure ${m.id})`);
        let cell: Cell;
        try {
          cell = parseCell(row[column], m.transform);
        } catch (e) {
          throw new Error(`${file} ${area} ${year} ${column}: ${(e as Error).message}`);
        }
        setCell(tables.get(m.dataset) as AreaTable, area, m.id, year, cell);
        matched.set(m.id, (matched.get(m.id) ?? 0) + 1);
      }
    }
    for (const m of measures) {
      if (!matched.get(m.id)) throw new Error(`${file}: no rows for measure ${m.id} (check its column/where)`);
    }
  }
  return tables;
}

const MARKER_PRIORITY: readonly Marker[] = ['x', 'u', 'z', ':', 'c', 'low', 'k'];

/** The marker a derived value inherits from its inputs (null if all inputs are numbers). */
function inheritedMarker(cells: readonly Cell[]): Marker | null {
  let best: Marker | null = null;
  for (const c of cells) {
    if (typeof c === 'string' && (best === null || MARKER_PRIORITY.indexOf(c) < MARKER_PRIORITY.indexOf(best))) best = c;
  }
  return best;
}

function derive(
  d: Derivation,
  table: AreaTable,
  area: string,
  year: number,
  population: AreaTable | undefined,
): Cell {
  switch (d.kind) {
    case 'rate-per-10k': {
      const count = getCell(table, area, d.of, year);
      if (count === null) return null;
      const pop = getCell(population, area, 'population.0_17', year - 1);
      if (pop === null) return 'x';
      const marker = inheritedMarker([count, pop]);
      if (marker) return marker;
      return divideHalfUp(count as number, pop as number, 10_000, d.dp);
    }
    case 'percent': {
      const den = getCell(table, area, d.denominator, year);
      const nums = d.numerator.map((n) => getCell(table, area, n, year));
      if (den === null || nums.some((n) => n === null)) return null;
      const marker = inheritedMarker([den, ...nums]);
      if (marker) return marker;
      if (den === 0) return 'z';
      const sum = (nums as number[]).reduce((a, b) => a + b, 0);
      return divideHalfUp(sum, den as number, 100, d.dp);
    }
    case 'difference': {
      const a = getCell(table, area, d.minuend, year);
      const bs = d.subtrahend.map((n) => getCell(table, area, n, year));
      if (a === null || bs.some((b) => b === null)) return null;
      const marker = inheritedMarker([a, ...bs]);
      if (marker) return marker;
      return (a as number) - (bs as number[]).reduce((x, y) => x + y, 0);
    }
  }
}

const DERIVATION_ORDER: Readonly<Record<Derivation['kind'], number>> = { difference: 0, percent: 1, 'rate-per-10k': 2 };

/** Compute derived measures for every area and year that has input data. */
export function addDerived(tables: Tables): void {
  const population = tables.get('population');
  const derived = MEASURES.filter((m) => m.derived).sort(
    (a, b) => DERIVATION_ORDER[(a.derived as Derivation).kind] - DERIVATION_ORDER[(b.derived as Derivation).kind],
  );
  for (const m of derived) {
    const d = m.derived as Derivation;
    const table = tables.get(m.dataset) as AreaTable;
    const inputs = d.kind === 'rate-per-10k' ? [d.of] : d.kind === 'percent' ? [d.denominator, ...d.numerator] : [d.minuend, ...d.subtrahend];
    for (const [area, byMeasure] of table) {
      const years = new Set<number>();
      for (const input of inputs) for (const y of byMeasure.get(input)?.keys() ?? []) years.add(y);
      for (const year of [...years].sort((a, b) => a - b)) {
        const cell = derive(d, table, area, year, population);
        if (cell !== null) setCell(table, area, m.id, year, cell);
      }
    }
  }
}

/** Deterministic JSON-ready form of one dataset (measure-major; see `datasetFileSchema`). */
export function toDatasetFile(id: DatasetId, table: AreaTable): DatasetFile {
  // measure → area → year → cell
  const byMeasure = new Map<string, Map<string, Map<number, Cell>>>();
  for (const [area, measures] of table) {
    for (const [measure, byYear] of measures) {
      let m = byMeasure.get(measure);
      if (!m) byMeasure.set(measure, (m = new Map()));
      m.set(area, byYear);
    }
  }
  const measures: DatasetFile['measures'] = {};
  for (const measure of [...byMeasure.keys()].sort()) {
    const areas = byMeasure.get(measure) as Map<string, Map<number, Cell>>;
    let first = Infinity;
    let last = -Infinity;
    for (const byYear of areas.values()) {
      for (const [y, cell] of byYear) {
        if (cell === null) continue;
        first = Math.min(first, y);
        last = Math.max(last, y);
      }
    }
    if (!Number.isFinite(first)) continue;
    const values: Record<string, Cell[]> = {};
    for (const area of [...areas.keys()].sort()) {
      const byYear = areas.get(area) as Map<number, Cell>;
      const cells: Cell[] = [];
      for (let y = first; y <= last; y++) cells.push(byYear.get(y) ?? null);
      if (cells.some((c) => c !== null)) values[area] = cells;
    }
    measures[measure] = { firstYear: first, lastYear: last, values };
  }
  if (Object.keys(measures).length === 0) throw new Error(`dataset ${id} is empty`);
  return { dataset: id, yearBasis: DATASETS[id].yearBasis, measures };
}
