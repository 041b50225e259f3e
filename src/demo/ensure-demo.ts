import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/index.js';
import { createUser } from '../server/index.js';
import { loadSyntheticAuthority } from '../synth/index.js';
import { prepareIndicators } from '../metrics/index.js';
import { planDemoUsers } from './demo-users.js';

export interface DemoOptions {
  laCode: string;
  from: number;
  to: number;
  seed: number;
  /** Folder where the demo users' passwords are kept between starts (mode 0600). */
  stateDir: string;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface DemoCredentials {
  laCode: string;
  name: string;
  created: boolean;
  users: { role: string; email: string; password: string }[];
}

const credentialsFile = z.object({
  laCode: z.string(),
  name: z.string(),
  users: z.array(z.object({ role: z.string(), email: z.string(), password: z.string() })),
});

/**
 * Creates the synthetic demo authority and one user per role, once. Later starts find them
 * and only read back the saved demo passwords: nothing is regenerated.
 */
export async function ensureDemo(db: Kysely<Database>, options: DemoOptions): Promise<DemoCredentials> {
  const file = join(options.stateDir, 'demo-users.json');
  const existing = await db.selectFrom('local_authority').select(['la_code', 'name']).where('la_code', '=', options.laCode).executeTakeFirst();
  if (existing && existsSync(file)) {
    const saved = credentialsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    if (saved.laCode === options.laCode) return { ...saved, created: false };
  }
  if (existing) {
    const anyChild = await db.selectFrom('child').select('child_id').where('la_code', '=', options.laCode).limit(1).executeTakeFirst();
    if (anyChild) throw new Error(`Authority ${options.laCode} already holds data but its demo users are missing (${file}); start with --no-demo or another --data-dir.`);
  }
  const loaded = await loadSyntheticAuthority(db, { laCode: options.laCode, from: options.from, to: options.to, seed: options.seed, onProgress: options.onProgress });
  // The demo's first dashboard reads prepared indicator units instead of building them.
  await prepareIndicators(db, { laCode: options.laCode });
  const users: DemoCredentials['users'] = [];
  for (const plan of await planDemoUsers(db, options.laCode)) {
    const password = `demo-${randomBytes(9).toString('base64url')}`;
    await createUser(db, { laCode: options.laCode, ...plan, password, createdBy: 'csc start (demo)' });
    users.push({ role: plan.role, email: plan.email, password });
  }
  mkdirSync(options.stateDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ laCode: options.laCode, name: loaded.name, users }, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return { laCode: options.laCode, name: loaded.name, users, created: true };
}
