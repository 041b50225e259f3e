/**
 * Dates as councils write them: dd/mm/yyyy (the DfE returns), yyyy-mm-dd (XML, databases) and
 * Excel serial numbers (a date cell saved as a number). Anything else is refused, never guessed.
 */
export type DateParse = { ok: true; iso: string; form: 'dmy' | 'iso' | 'excel' } | { ok: false; message: string };

export const DATE_EXPECTED = 'a date as dd/mm/yyyy, yyyy-mm-dd or an Excel date number';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXCEL = /^\d{5}(\.0+)?$/;

export function parseDate(raw: string): DateParse {
  const text = raw.trim();
  let m = DMY.exec(text);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), 'dmy', text);
  m = ISO.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), 'iso', text);
  if (EXCEL.test(text)) {
    // Excel day 25569 is 1970-01-01 (the 1900 leap-year bug only affects dates before March 1900).
    const serial = Math.trunc(Number(text));
    if (serial < 18264 || serial > 73051) return { ok: false, message: `${text} is an Excel date number outside 1950 to 2099` };
    return { ok: true, iso: new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10), form: 'excel' };
  }
  return { ok: false, message: `"${text}" is not a date` };
}

function build(y: number, mo: number, d: number, form: 'dmy' | 'iso', text: string): DateParse {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1900 || y > 2100) {
    return { ok: false, message: `"${text}" is not a real calendar date` };
  }
  return { ok: true, iso: `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, form };
}

/** ISO 'YYYY-MM-DD' → 'dd/mm/yyyy' for the DfE files. */
export function isoToDmy(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Collection year (end-year label) → its first and last day. */
export function collectionPeriod(year: number): { start: string; end: string } {
  return { start: `${year - 1}-04-01`, end: `${year}-03-31` };
}

/** The collection year a date falls in (1 April to 31 March, labelled by the end year). */
export function collectionYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return iso.slice(5) >= '04-01' ? year + 1 : year;
}
