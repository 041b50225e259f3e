import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * The children's population by ethnic group for EQ-01..03 (disproportionality), supplied by the
 * authority: no shipped source has it (ONS mid-year estimates give ages only; Census 2021 tables
 * by ethnicity are not in data/reference). CSV with a header row `ethnicity,population`: the
 * ethnicity code as recorded on the child (for example WBRI, MWBA, AIND), and the number of
 * children aged 0 to 17 in that group. Returns code → number for `computeIndicators`.
 */
export function parseEthnicPopulationCsv(text: string, file = 'ethnic population CSV'): Record<string, number> {
  const rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  if (rows.length === 0) throw new Error(`${file}: no rows (expected a header "ethnicity,population" and one row per ethnic group)`);
  for (const column of ['ethnicity', 'population']) {
    if (!(column in rows[0]!)) throw new Error(`${file}: column "${column}" is missing (header must be "ethnicity,population")`);
  }
  const out: Record<string, number> = {};
  rows.forEach((row, i) => {
    const line = i + 2; // the header is line 1
    const code = row.ethnicity ?? '';
    const raw = row.population ?? '';
    if (!/^[A-Z0-9]{1,8}$/.test(code)) throw new Error(`${file}: row ${line}, column ethnicity: "${code}" is not an ethnicity code (1 to 8 capital letters or digits, e.g. WBRI)`);
    if (!/^[0-9]+$/.test(raw)) throw new Error(`${file}: row ${line}, column population: "${raw}" is not a whole number of children`);
    if (code in out) throw new Error(`${file}: row ${line}, column ethnicity: "${code}" appears twice`);
    out[code] = Number(raw);
  });
  return out;
}

/** Reads the population by ethnic group from a CSV file (see parseEthnicPopulationCsv). */
export function readEthnicPopulationCsv(path: string): Record<string, number> {
  return parseEthnicPopulationCsv(readFileSync(path, 'utf8'), path);
}
