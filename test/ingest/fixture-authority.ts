import type { Kysely } from 'kysely';
import { addAuthority, writeRecords, type Database } from '../../src/db/index.js';
import { ids } from '../../src/ingest/index.js';

/**
 * A small but rich synthetic authority, written straight into the canonical tables: children in
 * need (referrals, assessments with factors, CIN plans, section 47s, conferences, CP plans and
 * reviews), children looked after over several periods (episodes, reviews, missing episodes,
 * outcomes, adoption, care leavers, previous permanence, UASC) and the workforce with their
 * allocations. Deterministic (seeded); every event lies in collection years FIRST..LAST so
 * the returns of those years carry all of it. Identifiers follow src/ingest ids.
 */
export const FIRST_YEAR = 2022;
export const LAST_YEAR = 2025;

export type Rows = Record<string, Record<string, unknown>[]>;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function buildAuthority(options: { children?: number; seed?: number; firstYear?: number; lastYear?: number } = {}): Rows {
  const random = rng(options.seed ?? 7);
  const firstYear = options.firstYear ?? FIRST_YEAR;
  const lastYear = options.lastYear ?? LAST_YEAR;
  const WINDOW_START = `${firstYear - 1}-04-01`;
  const WINDOW_END = `${lastYear}-03-31`;
  // Plans each child has had so far: a case system records the count the CIN census reports.
  const plansSoFar = new Map<string, number>();
  const spanDays = (lastYear - firstYear + 1) * 365;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const rows: Rows = {};
  const add = (table: string, row: Record<string, unknown>) => (rows[table] ??= []).push(row);
  const total = options.children ?? 40;

  const teams = [
    { team_id: 'T1', name: 'Assessment North', team_type: 'front_door' },
    { team_id: 'T2', name: '=HYPERLINK("http://evil.example","Looked after")', team_type: 'looked_after' },
  ];
  for (const t of teams) add('team', t);
  const workers = Array.from({ length: 6 }, (_, i) => ({
    worker_id: `SW${1001 + i}`,
    role: i === 0 ? 'team_manager' : 'social_worker',
    team_id: i % 3 === 2 ? null : pick(teams).team_id,
    fte: pick([1, 0.5, 0.8]),
    contract: i === 4 ? 'agency' : 'permanent',
    start_date: `20${18 + (i % 3)}-0${1 + i}-15`,
    end_date: i === 5 ? '2024-11-29' : null,
  }));
  for (const w of workers) add('worker', w);

  const ethnicities = ['WBRI', 'WOTH', 'MWBC', 'AIND', 'BAFR', 'CHNE', 'OOTH'];
  for (let n = 0; n < total; n++) {
    const child = `C${String(1000 + n)}`;
    const looked = n % 2 === 0;
    const dob = addDays(`${firstYear - 16}-01-15`, int(0, 5000 + spanDays - 1460));
    const sex = looked ? pick(['M', 'F']) : pick(['M', 'F', 'U']);
    add('child', {
      child_id: child, date_of_birth: dob, sex, ethnicity: pick(ethnicities),
      uasc: looked && n % 8 === 0, uasc_ceased: null, is_mother: looked ? n % 10 === 4 : null,
      mother_child_dob: looked && n % 10 === 4 ? '2020-05-15' : null,
    });
    add('child_identity', looked || n % 3 !== 0
      ? { child_id: child, upn: `A931${String(10_000_000 + n).slice(0, 8)}${n % 10}`, upn_unknown: null, former_upn: !looked && n % 5 === 1 ? `B931${String(20_000_000 + n)}1` : null }
      : { child_id: child, upn: null, upn_unknown: 'UN2', former_upn: null });

    if (!looked || n % 4 === 0) buildCin(child, n);
    if (looked) buildCla(child, n);
  }

  function buildCin(child: string, n: number) {
    if (n % 7 === 3) {
      add('child_disability', { child_id: child, disability: 'AUT' });
      add('child_disability', { child_id: child, disability: 'LD' });
    } else add('child_disability', { child_id: child, disability: 'NONE' });
    let day = addDays(WINDOW_START, int(0, spanDays - 1260));
    for (let k = 0; k < 1 + (n % 3); k++) {
      const referral = day;
      if (referral > addDays(WINDOW_END, -90)) break;
      const rid = ids.referral(child, referral);
      const nfa = n % 9 === 0 && k === 0;
      const length = int(40, 420);
      const closure = addDays(referral, nfa ? 0 : length);
      const closed = closure <= WINDOW_END;
      add('referral', {
        referral_id: rid, child_id: child, referral_date: referral, source: pick(referral >= '2022-04-01' ? ['2A', '3A', '6', '1A', '5D'] : ['2A', '3A', '6', '1A']),
        primary_need: nfa ? null : pick(['N1', 'N2', 'N4', 'N5']), nfa, closure_date: closed ? closure : null,
        closure_reason: closed ? (nfa ? 'RC8' : 'RC7') : null,
      });
      if (!nfa) {
        const a1 = addDays(referral, 1);
        const authorised = addDays(a1, int(10, 44));
        const aid = ids.assessment(child, a1);
        const done = authorised <= WINDOW_END && (!closed || authorised <= closure);
        add('assessment', { assessment_id: aid, referral_id: rid, child_id: child, start_date: a1, authorised_date: done ? authorised : null });
        if (done) for (const f of n % 2 ? ['3B', '4B'] : ['21']) add('assessment_factor', { assessment_id: aid, factor: f });
        if (n % 3 === 1) {
          const s47 = addDays(referral, 3);
          const sid = ids.s47(child, s47);
          const strategy = ids.strategy(child, s47);
          const icpc = addDays(s47, 14);
          const notRequired = n % 6 === 1;
          add('strategy_discussion', { strategy_id: strategy, referral_id: rid, child_id: child, discussion_date: s47 });
          add('s47_enquiry', { s47_id: sid, referral_id: rid, child_id: child, strategy_id: strategy, start_date: s47, icpc_target_date: addDays(s47, 21), icpc_not_required: notRequired });
          const planEnd = addDays(icpc, int(100, 300));
          const withPlan = !notRequired && icpc <= WINDOW_END && (!closed || planEnd < closure);
          if (!notRequired && icpc <= WINDOW_END && (!closed || icpc <= closure)) {
            const pid = withPlan ? ids.cpPlan(child, icpc) : null;
            add('cp_conference', { conference_id: ids.initialConference(child, icpc), child_id: child, referral_id: rid, conference_type: 'initial', s47_id: sid, cp_plan_id: pid, conference_date: icpc, plan_decided: withPlan });
            if (withPlan && pid) {
              const ended = planEnd <= WINDOW_END;
              const previous = plansSoFar.get(child) ?? 0;
              plansSoFar.set(child, previous + 1);
              add('cp_plan', {
                cp_plan_id: pid, child_id: child, referral_id: rid, start_date: icpc, end_date: ended ? planEnd : null, initial_category: pick(['NEG', 'EMO']), latest_category: pick(['NEG', 'EMO', 'MUL']),
                previous_plans: previous,
              });
              for (let r = addDays(icpc, 90); r < (ended ? planEnd : WINDOW_END); r = addDays(r, 180)) {
                add('cp_conference', { conference_id: ids.reviewConference(child, r), child_id: child, referral_id: rid, conference_type: 'review', cp_plan_id: pid, conference_date: r });
              }
            }
          }
        } else if (n % 3 === 2) {
          const start = addDays(referral, 50);
          const end = addDays(start, 90);
          if (start <= WINDOW_END && (!closed || end <= closure)) {
            add('cin_plan', { cin_plan_id: ids.cinPlan(child, start), referral_id: rid, child_id: child, start_date: start, end_date: end <= WINDOW_END ? end : null });
          }
        }
      }
      if (!closed) break;
      day = addDays(closure, int(20, 200));
    }
  }

  function buildCla(child: string, n: number) {
    let decom = addDays(WINDOW_START, int(0, spanDays - 960));
    const periods = 1 + (n % 3 === 0 ? 1 : 0);
    let lastDec: string | null = null;
    for (let p = 0; p < periods && decom <= addDays(WINDOW_END, -180); p++) {
      const pid = ids.period(child, decom);
      const episodes = 1 + int(0, 2);
      const periodStart = decom;
      let rne = 'S';
      let end: string | null = null;
      let adopted = false;
      for (let e = 0; e < episodes; e++) {
        const last = e === episodes - 1;
        let dec: string | null = addDays(decom, int(30, 300));
        if (dec > WINDOW_END) dec = null;
        adopted = last && n % 10 === 6 && dec !== null;
        const place = adopted ? 'A6' : pick(['U4', 'U6', 'K2', 'U1']);
        add('cla_episode', {
          episode_id: ids.episode(child, decom), child_id: child, period_id: pid, decom, rne, legal_status: adopted ? 'E1' : pick(['C2', 'V2', 'C1']),
          cin_category: 'N1', place, place_provider: pick(['PR1', 'PR4']), urn: place === 'K2' ? 'SC123456' : null,
          pl_post: 'OX1 1AA', home_post: e === 0 ? 'OX4 2BB' : null, dec, rec: dec ? (last ? (adopted ? 'E12' : 'E4A') : 'X1') : null,
          reason_place_change: dec && !last ? 'CARPL' : null,
        });
        if (decom >= WINDOW_START) {
          const review = addDays(decom, 20);
          if (review <= WINDOW_END && (dec === null || review <= dec)) add('cla_review', { review_id: ids.review(child, review), child_id: child, review_date: review, participation: 'PN1' });
        }
        if (e === 0 && n % 4 === 2) {
          const mis = addDays(decom, 5);
          add('missing_episode', { missing_id: ids.missing(child, mis, 'M'), child_id: child, missing_type: 'M', start_date: mis, end_date: addDays(mis, 1) });
        }
        if (e === 0 && n >= 2 && decom >= '2023-04-01' && n % 6 === 0) {
          const worker = workers[1 + (n % 5)]!;
          const end = dec && dec <= worker_end(worker) ? dec : null;
          if (worker.start_date <= decom && (worker.end_date === null || (end !== null && end <= worker.end_date))) {
            add('allocation', { allocation_id: ids.allocation(child, decom), child_id: child, worker_id: worker.worker_id, allocation_role: 'allocated_worker', start_date: decom, end_date: end, change_reason: 'FCONTA' });
          }
        }
        end = dec;
        if (!dec) break;
        if (last) break;
        decom = dec;
        rne = pick(['P', 'L', 'T']);
      }
      add('care_period', { period_id: pid, child_id: child, start_date: periodStart, end_date: end });
      if (adopted && end) {
        add('adoption_decision', { decision_id: ids.adoptionDecision(child, periodStart), child_id: child, decision_date: periodStart });
        add('adoption', {
          child_id: child, adoption_order_date: end, decision_date: periodStart, matched_date: addDays(periodStart, 5),
          by_foster_carer: false, number_of_adopters: 2, sex_of_adopters: 'MF', legal_status_of_adopters: 'L11',
        });
        return;
      }
      if (n % 10 === 8 && p === 0) {
        add('adoption_decision', { decision_id: ids.adoptionDecision(child, addDays(periodStart, 2)), child_id: child, decision_date: addDays(periodStart, 2), reversed_date: addDays(periodStart, 25), reversed_reason: 'RD1' });
      }
      lastDec = end;
      if (!end) break;
      decom = addDays(end, int(40, 200));
    }
    const year = lastDec ? Math.min(lastYear, yearOf(lastDec)) : lastYear;
    if (n % 4 === 0) add('cla_outcome', { child_id: child, collection_year: year, sdq_score: 14, sdq_reason: null, convicted: false, health_check: null, immunisations: true, teeth_check: true, health_assessment: true, substance_misuse: false, intervention_received: null, intervention_offered: null });
    if (n % 6 === 2) add('care_leaver', { child_id: child, collection_year: year, in_touch: 'YES', activity: 'F2', accommodation: 'D1' });
    if (n % 5 === 0) add('previous_permanence', { child_id: child, collection_year: year, option: 'P2', arranged_by_la: '931', order_date_text: 'zz/06/2015' });
  }
  return rows;
}

function worker_end(worker: { end_date: string | null }): string {
  return worker.end_date ?? '9999-12-31';
}

function yearOf(iso: string): number {
  const y = Number(iso.slice(0, 4));
  return iso.slice(5) >= '04-01' ? y + 1 : y;
}

const ORDER = [
  'team', 'worker', 'child', 'child_identity', 'child_disability', 'early_help_assessment', 'referral', 'contact', 'assessment', 'assessment_factor', 'cin_plan',
  'strategy_discussion', 's47_enquiry', 'cp_plan', 'cp_conference', 'care_period', 'cla_episode', 'cla_review', 'cla_outcome',
  'missing_episode', 'adoption_decision', 'adoption', 'previous_permanence', 'care_leaver', 'adopter_household', 'visit', 'health_check', 'allocation',
] as const;

/** Writes the authority (LA 931) into an empty, migrated database. */
export async function loadAuthority(db: Kysely<Database>, rows: Rows, laCode = '931'): Promise<void> {
  await addAuthority(db, { laCode, name: 'Test authority' });
  await db.transaction().execute(async (trx) => {
    for (const table of ORDER) {
      const list = rows[table];
      if (list?.length) await writeRecords(trx, table, list.map((r) => ({ la_code: laCode, ...r })));
    }
  });
}
