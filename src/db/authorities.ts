import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { explainDatabaseError } from './errors.js';

export interface AuthorityInput {
  laCode: string;
  name: string;
  regionCode?: string | null;
  regionName?: string | null;
}

export async function addAuthority(db: Kysely<Database>, input: AuthorityInput): Promise<void> {
  if (!/^[0-9]{3}$/.test(input.laCode)) {
    throw new Error(`LA code ${JSON.stringify(input.laCode)} is not valid: use the 3-digit DfE code, for example 931 for Oxfordshire.`);
  }
  const existing = await db.selectFrom('local_authority').select('name').where('la_code', '=', input.laCode).executeTakeFirst();
  if (existing) throw new Error(`Authority ${input.laCode} already exists (${existing.name}).`);
  try {
    await db
      .insertInto('local_authority')
      .values({ la_code: input.laCode, name: input.name, region_code: input.regionCode ?? null, region_name: input.regionName ?? null })
      .execute();
  } catch (error) {
    throw explainDatabaseError(error, 'local_authority');
  }
}

export interface AuthoritySummary {
  laCode: string;
  name: string;
  regionName: string | null;
  children: number;
}

export async function listAuthorities(db: Kysely<Database>): Promise<AuthoritySummary[]> {
  const rows = await db
    .selectFrom('local_authority as la')
    .leftJoin('child as c', 'c.la_code', 'la.la_code')
    .select(['la.la_code', 'la.name', 'la.region_name'])
    .select((eb) => eb.fn.count<number>('c.child_id').as('children'))
    .groupBy(['la.la_code', 'la.name', 'la.region_name'])
    .orderBy('la.la_code')
    .execute();
  return rows.map((r) => ({ laCode: r.la_code, name: r.name, regionName: r.region_name, children: Number(r.children) }));
}
