/**
 * Generic code-list type and helpers.
 *
 * Years: every `year` here is a *collection end-year*, the calendar year of the 31 March that
 * closes the collection. 2025 means the 2024/25 collection (1 April 2024 to 31 March 2025).
 * `validFrom` and `validTo` are inclusive; a missing bound means "no known limit".
 */

export interface CodeEntry<C extends string = string, G extends string = string> {
  readonly code: C;
  /** Description, verbatim from the reference where it gives one. */
  readonly label: string;
  /** First collection end-year in which the code is valid (inclusive). */
  readonly validFrom?: number;
  /** Last collection end-year in which the code is valid (inclusive). */
  readonly validTo?: number;
  /** Analytical grouping, e.g. the placement category of a PLACE code. */
  readonly group?: G;
  /** Caveats: date-level rules, source disagreements, unconfirmed wording. */
  readonly note?: string;
}

/** An entry whose group is required (PLACE, REC, ...). */
export type GroupedEntry<G extends string, C extends string = string> = CodeEntry<C, G> & {
  readonly group: G;
};

export interface CodeList<E extends CodeEntry = CodeEntry> {
  /** Stable key, e.g. '903.PLACE', 'cin.ReferralSource'. */
  readonly id: string;
  readonly title: string;
  /** The statutory item the list belongs to, as quoted in messages, e.g. 'SSDA903 PLACE'. */
  readonly source: string;
  /** Where the list is documented in /work/shared/reference, e.g. 'formats-ssda903.md 4.7'. */
  readonly reference?: string;
  /** Whole-list validity, for items that only exist in some years (e.g. SW_REASON). */
  readonly validFrom?: number;
  readonly validTo?: number;
  readonly codes: readonly E[];
}

/** Union of the codes of a list declared `as const`. */
export type CodeOf<L extends CodeList> = L['codes'][number]['code'];
/** Union of the groups of a list declared `as const`. */
export type GroupOf<L extends CodeList> = NonNullable<L['codes'][number]['group']>;
export type EntryOf<L extends CodeList> = L['codes'][number];

interface Validity {
  readonly validFrom?: number;
  readonly validTo?: number;
}

/** True when `year` lies within the validity bounds (always true without a year). */
export function isValidInYear(v: Validity, year?: number): boolean {
  if (year === undefined) return true;
  if (v.validFrom !== undefined && year < v.validFrom) return false;
  if (v.validTo !== undefined && year > v.validTo) return false;
  return true;
}

/** 2025 → '2024/25'. */
export function formatCollectionYear(year: number): string {
  return `${year - 1}/${String(year % 100).padStart(2, '0')}`;
}

const indexCache = new WeakMap<CodeList, Map<string, CodeEntry>>();

function indexOf(list: CodeList): Map<string, CodeEntry> {
  let index = indexCache.get(list);
  if (!index) {
    index = new Map(list.codes.map((e) => [e.code, e]));
    indexCache.set(list, index);
  }
  return index;
}

/** Entries valid in `year` (all entries, historic included, when no year is given). */
export function entriesOf<L extends CodeList>(list: L, year?: number): EntryOf<L>[] {
  if (!isValidInYear(list, year)) return [];
  return list.codes.filter((e) => isValidInYear(e, year)) as EntryOf<L>[];
}

/** Codes valid in `year`; without a year, every code the list has ever had. */
export function codesOf<L extends CodeList>(list: L, year?: number): CodeOf<L>[] {
  return entriesOf(list, year).map((e) => e.code as CodeOf<L>);
}

/** The entry for `code` regardless of year, or undefined. Exact, case-sensitive match. */
export function entryOf<L extends CodeList>(list: L, code: string): EntryOf<L> | undefined {
  return indexOf(list).get(code) as EntryOf<L> | undefined;
}

/** Is `code` in the list (and valid in `year`, when given)? Case-sensitive. */
export function isValidCode<L extends CodeList>(
  list: L,
  code: string | null | undefined,
  year?: number,
): code is CodeOf<L> {
  if (code === null || code === undefined) return false;
  const entry = indexOf(list).get(code);
  return entry !== undefined && isValidInYear(list, year) && isValidInYear(entry, year);
}

export function labelOf(list: CodeList, code: string): string | undefined {
  return indexOf(list).get(code)?.label;
}

export function groupOf<L extends CodeList>(list: L, code: string): GroupOf<L> | undefined {
  return indexOf(list).get(code)?.group as GroupOf<L> | undefined;
}

/** Codes in a group, optionally restricted to those valid in `year`. */
export function codesInGroup<L extends CodeList>(list: L, group: GroupOf<L>, year?: number): CodeOf<L>[] {
  return entriesOf(list, year)
    .filter((e) => e.group === group)
    .map((e) => e.code as CodeOf<L>);
}

export type CodeCheck =
  | { readonly ok: true; readonly entry: CodeEntry }
  | {
      readonly ok: false;
      readonly reason: 'missing' | 'unknown' | 'not_yet_valid' | 'withdrawn' | 'list_not_collected';
      readonly message: string;
    };

/**
 * Check a value and explain a failure: unknown code, or a real code used in the wrong year.
 * Does not trim or change case: callers decide (and report) any normalisation.
 */
export function checkCode(list: CodeList, code: string | null | undefined, year?: number): CodeCheck {
  const allowed = describeAllowed(list, year);
  if (code === null || code === undefined || code === '') {
    return { ok: false, reason: 'missing', message: `No ${list.title.toLowerCase()} given; expected ${allowed}` };
  }
  if (!isValidInYear(list, year)) {
    return {
      ok: false,
      reason: 'list_not_collected',
      message: `${list.source} is not collected in ${formatCollectionYear(year as number)}`,
    };
  }
  const entry = indexOf(list).get(code);
  if (!entry) {
    return { ok: false, reason: 'unknown', message: `'${code}' is not a valid code; expected ${allowed}` };
  }
  if (year !== undefined && entry.validFrom !== undefined && year < entry.validFrom) {
    return {
      ok: false,
      reason: 'not_yet_valid',
      message: `'${code}' is valid only from ${formatCollectionYear(entry.validFrom)}; expected ${allowed}`,
    };
  }
  if (year !== undefined && entry.validTo !== undefined && year > entry.validTo) {
    return {
      ok: false,
      reason: 'withdrawn',
      message: `'${code}' was withdrawn after ${formatCollectionYear(entry.validTo)}; expected ${allowed}`,
    };
  }
  return { ok: true, entry };
}

export interface DescribeOptions {
  /** Show at most this many codes (default 30); the rest are counted. */
  readonly max?: number;
}

/**
 * Short human description of the allowed codes, for error messages:
 * "one of U1, U2, U3 (see SSDA903 PLACE, 2024/25)".
 */
export function describeAllowed(list: CodeList, year?: number, options: DescribeOptions = {}): string {
  const codes = codesOf(list, year);
  const where = year === undefined ? list.source : `${list.source}, ${formatCollectionYear(year)}`;
  if (codes.length === 0) return `no codes (see ${where})`;
  const max = options.max ?? 30;
  const shown = codes.slice(0, max).join(', ');
  const rest = codes.length > max ? ` and ${codes.length - max} more` : '';
  return `one of ${shown}${rest} (see ${where})`;
}
