import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/index.js';
import { buildServer, createUser, type ApiApp, type Role, type ServerContext, type ServerOptions } from '../../src/server/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * Two authorities with a small, hand-made caseload, and one user per role.
 *
 * 931: teams T1, T2 (service Safeguarding) and T3 (Children in Care).
 *   C1 allocated to W1 (T1), open referral      → sw, tm (T1), sm (Safeguarding), analyst
 *   C2 allocated to W2 (T2), on a CP plan       → sm, analyst
 *   C3 allocated to W3 (T3), looked after; IRO1 → iro, analyst
 *   C4 not allocated                            → analyst only
 *   C5 allocation to W1 ended in 2020           → analyst only
 * 932: D1 allocated to X1. The pool analyst of 931 may see 932 pseudonymised.
 */
export const PASSWORD = 'correct horse battery staple';
export const LA = '931';
export const OTHER_LA = '932';

export const USERS: Record<string, { la: string; role: Role; workerId?: string; teamId?: string; service?: string; pool?: string[] }> = {
  sw: { la: LA, role: 'social_worker', workerId: 'W1' },
  tm: { la: LA, role: 'team_manager', teamId: 'T1' },
  sm: { la: LA, role: 'service_manager', service: 'Safeguarding' },
  iro: { la: LA, role: 'iro', workerId: 'IRO1' },
  analyst: { la: LA, role: 'performance_analyst' },
  finance: { la: LA, role: 'finance' },
  admin: { la: LA, role: 'administrator' },
  pool: { la: LA, role: 'performance_analyst', pool: [OTHER_LA] },
  otherAdmin: { la: OTHER_LA, role: 'administrator' },
  otherSw: { la: OTHER_LA, role: 'social_worker', workerId: 'X1' },
};
export type UserKey = keyof typeof USERS;
export const emailOf = (key: string) => `${key.toLowerCase()}@example.gov.uk`;

export async function seedAuthorities(db: Kysely<Database>): Promise<void> {
  await db.insertInto('local_authority').values([
    { la_code: LA, name: 'Oxfordshire', region_name: 'South East' },
    { la_code: OTHER_LA, name: 'Reading', region_name: 'South East' },
  ]).execute();
  await db.insertInto('team').values([
    { la_code: LA, team_id: 'T1', name: 'Assessment North', team_type: 'assessment', service: 'Safeguarding', locality: null, parent_team_id: null, start_date: null, end_date: null, batch_id: null },
    { la_code: LA, team_id: 'T2', name: 'Assessment South', team_type: 'assessment', service: 'Safeguarding', locality: null, parent_team_id: null, start_date: null, end_date: null, batch_id: null },
    { la_code: LA, team_id: 'T3', name: 'Children in Care', team_type: 'cla', service: 'Children in Care', locality: null, parent_team_id: null, start_date: null, end_date: null, batch_id: null },
    { la_code: OTHER_LA, team_id: 'R1', name: 'Reading Team', team_type: 'assessment', service: 'Safeguarding', locality: null, parent_team_id: null, start_date: null, end_date: null, batch_id: null },
  ]).execute();
  const worker = (la: string, id: string, team: string, role = 'social_worker') => ({ la_code: la, worker_id: id, role, team_id: team, fte: 1, registration_no: null, start_date: '2019-01-01', end_date: null, batch_id: null });
  await db.insertInto('worker').values([worker(LA, 'W1', 'T1'), worker(LA, 'W2', 'T2'), worker(LA, 'W3', 'T3'), worker(LA, 'IRO1', 'T3', 'iro'), worker(OTHER_LA, 'X1', 'R1')]).execute();
  const child = (la: string, id: string, dob: string) => ({ la_code: la, child_id: id, date_of_birth: dob, expected_dob: null, sex: 'F', ethnicity: 'WBRI', uasc_ceased: null, is_mother: null, mother_child_dob: null, death_date: null, household_id: null, batch_id: null });
  await db.insertInto('child').values([child(LA, 'C1', '2012-07-19'), child(LA, 'C2', '2015-03-02'), child(LA, 'C3', '2010-11-30'), child(LA, 'C4', '2018-01-15'), child(LA, 'C5', '2009-05-05'), child(OTHER_LA, 'D1', '2011-02-03')]).execute();
  const identity = (la: string, id: string, forename: string, surname: string) => ({ la_code: la, child_id: id, upn: `A${id}00000000000`.slice(0, 13), former_upn: null, upn_unknown: null, forename, surname, home_postcode: 'OX1 1AA', batch_id: null });
  await db.insertInto('child_identity').values([
    identity(LA, 'C1', 'Amira', 'Jones'), identity(LA, 'C2', 'Ben', 'Smith'), identity(LA, 'C3', 'Cara', 'Brown'),
    identity(LA, 'C4', 'Dev', 'Patel'), identity(LA, 'C5', 'Eli', 'Green'), identity(OTHER_LA, 'D1', 'Fay', 'White'),
  ]).execute();
  await db.insertInto('referral').values([
    { la_code: LA, referral_id: 'R1', child_id: 'C1', referral_date: '2024-01-10', source: '1A', primary_need: 'N1', closure_date: null, closure_reason: null, team_id: 'T1', worker_id: 'W1', batch_id: null },
    { la_code: LA, referral_id: 'R2', child_id: 'C2', referral_date: '2024-02-01', source: '1A', primary_need: 'N1', closure_date: null, closure_reason: null, team_id: 'T2', worker_id: 'W2', batch_id: null },
  ] as never).execute();
  await db.insertInto('cp_plan').values({ la_code: LA, cp_plan_id: 'P1', child_id: 'C2', referral_id: 'R2', start_date: '2024-03-01', end_date: null, initial_category: 'NEG', latest_category: 'NEG', batch_id: null }).execute();
  await db.insertInto('care_period').values({ la_code: LA, period_id: 'CP1', child_id: 'C3', referral_id: null, start_date: '2023-06-01', end_date: null, batch_id: null }).execute();
  const allocation = (la: string, id: string, childId: string, workerId: string, role: string, start: string, end: string | null = null) =>
    ({ la_code: la, allocation_id: id, child_id: childId, worker_id: workerId, allocation_role: role, referral_id: null, period_id: null, start_date: start, end_date: end, change_reason: null, batch_id: null });
  await db.insertInto('allocation').values([
    allocation(LA, 'A1', 'C1', 'W1', 'allocated_worker', '2024-01-11'),
    allocation(LA, 'A2', 'C2', 'W2', 'allocated_worker', '2024-02-02'),
    allocation(LA, 'A3', 'C3', 'W3', 'allocated_worker', '2023-06-01'),
    allocation(LA, 'A4', 'C3', 'IRO1', 'iro', '2023-06-01'),
    allocation(LA, 'A5', 'C5', 'W1', 'allocated_worker', '2019-01-01', '2020-01-01'),
    allocation(OTHER_LA, 'B1', 'D1', 'X1', 'allocated_worker', '2024-01-01'),
  ]).execute();
}

export async function seedUsers(db: Kysely<Database>, keys: string[] = Object.keys(USERS)): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const key of keys) {
    const u = USERS[key]!;
    const created = await createUser(db, { laCode: u.la, email: emailOf(key), displayName: key, role: u.role, password: PASSWORD, workerId: u.workerId, teamId: u.teamId, service: u.service, poolAuthorities: u.pool });
    ids[key] = created.userId;
  }
  return ids;
}

export interface SignedIn {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function signIn(app: ApiApp, key: string, password = PASSWORD): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: emailOf(key), password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${key} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'csc_session')!;
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `csc_session=${cookie.value}`;
  return { cookie: cookieHeader, csrf, headers: { cookie: cookieHeader, 'x-csrf-token': csrf } };
}

export interface Fixture {
  t: TestDatabase;
  app: ApiApp & { context: ServerContext };
  userIds: Record<string, string>;
  as: Record<string, SignedIn>;
  close(): Promise<void>;
}

/** A migrated test database (PGlite or PostgreSQL), seeded, with a server and every user signed in. */
export async function createFixture(options: Partial<ServerOptions> = {}, signInAs: string[] = Object.keys(USERS)): Promise<Fixture> {
  const t = await createTestDatabase();
  await seedAuthorities(t.db);
  const userIds = await seedUsers(t.db);
  const app = await buildServer({ db: t.db, loginRateLimitPerMinute: 1000, ...options });
  await app.ready();
  const as: Record<string, SignedIn> = {};
  for (const key of signInAs) as[key] = await signIn(app, key);
  return { t, app, userIds, as, close: async () => { await app.close(); await t.dispose(); } };
}
