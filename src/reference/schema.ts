/**
 * JSON file formats of `data/reference/` (zod schemas shared by the build script and the loader),
 * the DfE special-value markers, and the rounding rule used for derived rates.
 */
import { z } from 'zod';

/**
 * DfE / EES special values, kept instead of a number:
 * `c` suppressed; `k` positive but rounds to 0; `low` (workforce) positive but rounds to 0;
 * `u` low reliability (value withheld); `x` not available; `z` not applicable;
 * `:` not available (older EES convention; not present in the current files).
 */
export const MARKERS = ['c', 'k', 'low', 'u', 'x', 'z', ':'] as const;
export type Marker = (typeof MARKERS)[number];

export const markerSchema = z.enum(MARKERS);

/** A stored cell: a number, a marker, or null (no row / not published for that year). */
export const cellSchema = z.union([z.number(), markerSchema, z.null()]);
export type Cell = z.infer<typeof cellSchema>;

/**
 * `data/reference/<dataset>.json`: measure id → { firstYear, lastYear, values: area code → cells },
 * each cell array running from `firstYear` to `lastYear` (one cell per year).
 */
export const seriesBlockSchema = z
  .object({
    firstYear: z.number().int(),
    lastYear: z.number().int(),
    values: z.record(z.string(), z.array(cellSchema)),
  })
  .refine((b) => Object.values(b.values).every((v) => v.length === b.lastYear - b.firstYear + 1), {
    message: 'every cell array must run from firstYear to lastYear',
  });
export type SeriesBlock = z.infer<typeof seriesBlockSchema>;

export const datasetFileSchema = z.object({
  dataset: z.string(),
  yearBasis: z.string(),
  measures: z.record(z.string(), seriesBlockSchema),
});
export type DatasetFile = z.infer<typeof datasetFileSchema>;

export const closenessSchema = z.enum(['Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close']);
export type Closeness = z.infer<typeof closenessSchema>;

export const neighbourSchema = z.object({ code: z.string(), rank: z.number().int(), closeness: closenessSchema });
export type Neighbour = z.infer<typeof neighbourSchema>;

export const neighboursFileSchema = z.object({
  models: z.record(
    z.string(),
    z.object({
      source: z.string(),
      description: z.string(),
      authorities: z.record(z.string(), z.array(neighbourSchema)),
    }),
  ),
  default: z.string(),
});
export type NeighboursFile = z.infer<typeof neighboursFileSchema>;

export const authoritySchema = z.object({
  /** DfE 3-digit LA number (`old_la_code`), e.g. "931". */
  code: z.string(),
  name: z.string(),
  /** ONS GSS code (`new_la_code`) in the LA's latest CIN census row. */
  gssCode: z.string(),
  /**
   * Other GSS codes used for the LA in the source files: former codes (North Yorkshire E10000023,
   * Somerset E10000027, Buckinghamshire E10000002) and, for Barnsley and Sheffield, the codes
   * E08000038/E08000039 used by the 2025 workforce census.
   */
  otherGssCodes: z.array(z.string()),
  regionCode: z.string(),
  regionName: z.string(),
  /** Inner/Outer London code (E13000001/E13000002) for London boroughs. */
  subRegionCode: z.string().nullable(),
  subRegionName: z.string().nullable(),
  /** First and last reporting years with CIN census rows (within the data's coverage). */
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  /** True if the LA exists in the latest reporting year. */
  current: z.boolean(),
  /** DfE codes of LAs it replaced / was replaced by (local government reorganisation). */
  predecessors: z.array(z.string()),
  successors: z.array(z.string()),
  /** Area key in the workforce dataset when the LA makes a joint workforce return (e.g. "314/318"). */
  workforceArea: z.string().nullable(),
});
export type AuthorityRecord = z.infer<typeof authoritySchema>;

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** For Inner/Outer London: E12000007 (London). */
  parentCode: z.string().nullable(),
});
export type RegionRecord = z.infer<typeof regionSchema>;

export const areasFileSchema = z.object({
  england: z.object({ code: z.literal('E92000001'), name: z.literal('England') }),
  regions: z.array(regionSchema),
  authorities: z.array(authoritySchema),
  /** Joint workforce return areas ("314/318") → member LA codes. */
  jointWorkforceAreas: z.record(z.string(), z.array(z.string())),
});
export type AreasFile = z.infer<typeof areasFileSchema>;

/**
 * `numerator ÷ denominator × scale`, rounded half up to `dp` decimals, in exact integer arithmetic
 * (the inputs must be non-negative integers). DfE rounds rates and percentages half up.
 */
export function divideHalfUp(numerator: number, denominator: number, scale: number, dp: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new Error(`divideHalfUp needs integers (got ${numerator} / ${denominator})`);
  }
  const p = 10 ** dp;
  const top = 2 * numerator * scale * p + denominator;
  if (!Number.isSafeInteger(top)) throw new Error('divideHalfUp overflow');
  const d = 2 * denominator;
  return (top - (top % d)) / d / p;
}

/** Rate per 10,000 children, rounded half up to `dp` decimals. */
export function ratePer10k(count: number, population: number, dp: number): number {
  return divideHalfUp(count, population, 10_000, dp);
}
