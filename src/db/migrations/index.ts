import type { Migration } from 'kysely/migration';
import * as canonicalModel from './0001-canonical-model.js';

/**
 * Every migration, in order. Names sort lexically; never edit one that has shipped: add a new one.
 * Listed statically (not read from disk) so the same code runs from source, tests and bundles.
 */
export const migrations: Record<string, Migration> = {
  '0001-canonical-model': canonicalModel,
};
