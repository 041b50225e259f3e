/**
 * The SSDA903 CSV tables (formats-ssda903.md section 3), declared once: the importer
 * recognises a file by its header set and the exporter writes these columns in this order.
 */
export const SSDA903_TABLES = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: ['CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
} as const;

export type Ssda903Table = keyof typeof SSDA903_TABLES;

/** Tables collected from a given year (SWEpisodes from 2023/24). */
export function tablesForYear(year: number): Ssda903Table[] {
  return (Object.keys(SSDA903_TABLES) as Ssda903Table[]).filter((t) => t !== 'SWEpisodes' || year >= 2024);
}

export interface HeaderMatch {
  table: Ssda903Table | null;
  /** For an unrecognised header: the closest table and what differs. */
  closest?: { table: Ssda903Table; missing: string[]; extra: string[] };
}

/** Recognise a table by its set of column names (trimmed, any case, any order). */
export function recogniseHeader(header: readonly string[]): HeaderMatch {
  const names = new Set(header.map((h) => h.trim().toUpperCase()));
  let best: HeaderMatch['closest'];
  let bestScore = -Infinity;
  for (const [table, columns] of Object.entries(SSDA903_TABLES) as [Ssda903Table, readonly string[]][]) {
    const missing = columns.filter((c) => !names.has(c));
    const extra = [...names].filter((n) => !columns.includes(n));
    if (missing.length === 0 && extra.length === 0 && names.size === header.length) return { table };
    const score = columns.length - missing.length * 2 - extra.length;
    if (score > bestScore) {
      bestScore = score;
      best = { table, missing, extra };
    }
  }
  return best ? { table: null, closest: best } : { table: null };
}
