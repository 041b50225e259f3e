import type { SyntheticAuthority } from './authority.js';
import { calibrationReport, type CalibrationReport } from './report.js';
import type { TableRows } from './rows.js';

/** What a caller needs to know about a generated authority once its rows are written. */
export interface AuthoritySummary {
  laCode: string;
  name: string;
  from: number;
  to: number;
  children: number;
  referrals: number;
  cpPlans: number;
  carePeriods: number;
  workers: number;
  rows: number;
  /** Seconds spent simulating (calibration, final run, rows). */
  simulateSeconds: number;
  /** Dates the census fit moved (0 when it was off). */
  censusFitMoves: number;
  report: CalibrationReport;
}

export function summarize(authority: SyntheticAuthority, simulateSeconds: number): AuthoritySummary {
  const w = authority.world;
  return {
    laCode: authority.laCode, name: authority.name, from: authority.from, to: authority.to, children: w.children.length, referrals: w.referrals.length,
    cpPlans: w.cpPlans.length, carePeriods: w.carePeriods.length, workers: w.workers.length, rows: countRows(authority.rows), simulateSeconds,
    censusFitMoves: authority.censusFit ? Object.values(authority.censusFit.moves).reduce((a, b) => a + b, 0) : 0,
    report: calibrationReport(authority),
  };
}

export function countRows(rows: TableRows): number {
  let n = 0;
  for (const table of Object.values(rows)) n += table?.length ?? 0;
  return n;
}
