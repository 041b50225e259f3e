import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { computeIndicators, type ComputeOptions } from './engine.js';
import type { IndicatorResult } from './types.js';

export interface ManyAuthoritiesOptions extends Omit<ComputeOptions, 'laCode'> {
  readonly laCodes: readonly string[];
  /**
   * Authorities computed at once. On PostgreSQL each runs its queries on its own pooled
   * connections, so two keep a 2-core server busy; PGlite runs one query at a time whatever this is.
   */
  readonly concurrency?: number;
  readonly onAuthority?: (laCode: string, done: number, total: number) => void;
}

/** The indicator suite for many authorities (for example all of England): results grouped by authority, in the order asked. */
export async function computeIndicatorsForAuthorities(db: Kysely<Database>, options: ManyAuthoritiesOptions): Promise<IndicatorResult[]> {
  const { laCodes, concurrency = 2, onAuthority, ...rest } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be a whole number of at least 1 (got ${concurrency})`);
  const out: IndicatorResult[][] = new Array<IndicatorResult[]>(laCodes.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < laCodes.length) {
      const i = next++;
      out[i] = await computeIndicators(db, { ...rest, laCode: laCodes[i]! });
      onAuthority?.(laCodes[i]!, ++done, laCodes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, laCodes.length) }, worker));
  return out.flat();
}
