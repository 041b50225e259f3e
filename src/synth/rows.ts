import { birthdayDay, collectionYearOfDay, isoOf } from './days.js';
import type { TableName } from '../db/index.js';
import { population } from '../reference/index.js';
import { collectionYearStart, snapshotDay } from './context.js';
import type { SimWorld } from './model.js';
import { PARAMETERS, placeGroupOf } from './parameters.js';
import { syntheticUpn, syntheticWorkerId } from './identifiers.js';
import { careLeaverFrom } from './leavers.js';
import { adopterHouseholdRows, permanencePlanRows, previousPermanenceRows } from './permanence.js';
import { Random, hashString } from './random.js';

export type Row = Record<string, unknown>;
/** Canonical rows per table, in an order that respects foreign keys. */
export type TableRows = Partial<Record<TableName, Row[]>>;

/** Tables in load order (parents before children). */
export const LOAD_ORDER: TableName[] = [
  'la_population', 'placement_cost', 'team', 'worker', 'child', 'child_identity', 'child_disability', 'early_help_assessment', 'referral', 'contact', 'assessment',
  'assessment_factor', 'cin_plan', 'strategy_discussion', 's47_enquiry', 'cp_plan', 'cp_conference', 'core_group', 'visit', 'emergency_protection', 'care_period',
  'cla_episode', 'cla_review', 'permanence_plan', 'health_check', 'cla_outcome', 'missing_episode', 'adoption_decision', 'adopter_household', 'adoption',
  'previous_permanence', 'care_leaver', 'allocation',
];

export interface RowOptions {
  /** Statutory visits and core groups are the bulk of the rows; leave them out for speed. */
  visits?: boolean;
  /** First collection year whose records are kept (history before it is dropped except what is still open). */
  fromYear: number;
  toYear: number;
}

const EARLY_HELP_ORGANISATIONS = ['Early help hub', 'School', 'Health visiting', 'Family hub', 'Youth service', 'Voluntary sector'];
const FORENAMES = ['Alex', 'Sam', 'Jordan', 'Riley', 'Casey', 'Taylor', 'Morgan', 'Jamie', 'Charlie', 'Robin', 'Avery', 'Quinn', 'Rowan', 'Kit', 'Eden', 'Ash'];
const SURNAMES = ['Synthetic', 'Example', 'Sample', 'Testcase', 'Fictional', 'Placeholder', 'Demo', 'Model'];

/**
 * Converts a simulated world into canonical rows. Records that ended before the first output
 * year's warm-up are kept too: they are the history a real authority's system would hold.
 */
export function toRows(world: SimWorld, options: RowOptions): TableRows {
  const la = world.laCode;
  const iso = isoOf;
  const opt = (d: number | null | undefined) => (d === null || d === undefined ? null : iso(d));
  const rng = new Random(`${la}:rows`);
  const out: TableRows = {};
  const push = (table: TableName, row: Row) => {
    (out[table] ??= []).push(row);
  };
  const visits = options.visits !== false;

  for (let y = options.fromYear; y <= options.toYear; y++) {
    const pop = population(la, y - 1);
    if (pop !== null) push('la_population', { la_code: la, year: y - 1, age_band: '0-17', population: pop, source: 'ONS mid-year estimate (DfE reference data)' });
  }
  for (const [type, provider, cost, from, source] of PARAMETERS.weeklyCosts) {
    push('placement_cost', { la_code: la, placement_type: type, provider, valid_from: from, valid_to: null, weekly_cost: cost, source });
  }
  for (const t of world.teams) {
    push('team', { la_code: la, team_id: `T${t.id}`, name: t.name, team_type: t.type, service: t.type === 'iro_safeguarding' ? 'Safeguarding' : "Children's social care", locality: t.locality, parent_team_id: null, start_date: iso(world.start - 3650), end_date: null });
  }
  const salt = hashString(la);
  const workerIds = world.workers.map((w) => syntheticWorkerId(w.id, w.role, salt));
  const workerId = (id: number) => workerIds[id - 1]!;
  for (const w of world.workers) {
    push('worker', {
      la_code: la, worker_id: workerId(w.id), role: w.role, team_id: `T${w.team}`, fte: w.fte, contract: w.agency ? 'agency' : 'permanent',
      registration_no: w.role === 'personal_adviser' ? null : workerId(w.id), start_date: iso(w.start), end_date: opt(w.end),
    });
  }
  for (const c of world.children) {
    push('child', { la_code: la, child_id: `C${c.id}`, date_of_birth: iso(c.dob), sex: c.sex, ethnicity: c.ethnicity, uasc: c.uasc, household_id: `H${c.household}` });
    // Children of school age by the end of the run have a UPN; younger ones UN1; some UASC never attended school here (UN2).
    const schoolAge = world.end - c.dob >= 4 * 365.25;
    const upnUnknown = !schoolAge ? 'UN1' : c.uasc && rng.chance(0.5) ? 'UN2' : null;
    push('child_identity', {
      la_code: la, child_id: `C${c.id}`, upn: upnUnknown === null ? syntheticUpn(la, c.id, salt) : null, upn_unknown: upnUnknown, forename: rng.pick(FORENAMES), surname: rng.pick(SURNAMES),
      home_postcode: `ZZ${world.households[c.household - 1]!.locality + 1} ${c.household % 10}XX`,
    });
    if (c.disability) push('child_disability', { la_code: la, child_id: `C${c.id}`, disability: c.disability });
  }
  const childDob = (id: number) => world.children[id - 1]!.dob;
  let contactId = 0;
  let earlyHelpId = 0;
  for (const r of world.referrals) {
    push('referral', {
      la_code: la, referral_id: `R${r.id}`, child_id: `C${r.child}`, referral_date: iso(r.day), source: r.source, primary_need: r.need, nfa: r.nfa,
      closure_date: opt(r.close), closure_reason: r.closeReason,
    });
    const dob = childDob(r.child);
    // Contacts before a referral may fall in an earlier collection year, before 5D (early help) existed.
    const sourceOn = (day: number) => (r.source === '5D' && collectionYearOfDay(day) < 2023 ? '5C' : r.source);
    let d = r.day;
    for (let k = 0; k < r.contactsBefore; k++) {
      d = Math.max(dob, d - rng.int(20, 200));
      const earlyHelp = !rng.chance(0.6);
      push('contact', { la_code: la, contact_id: `K${++contactId}`, child_id: `C${r.child}`, contact_date: iso(d), source: sourceOn(d), outcome: earlyHelp ? 'early_help' : 'no_further_action', referral_id: null });
      // Most contacts stepped across to early help lead to an early help assessment.
      const ehStart = d + rng.int(3, 25);
      if (earlyHelp && rng.chance(0.7) && ehStart <= world.end) {
        const done = ehStart + rng.int(20, 90);
        push('early_help_assessment', { la_code: la, early_help_id: `EH${++earlyHelpId}`, child_id: `C${r.child}`, start_date: iso(ehStart), completion_date: done <= world.end ? iso(done) : null, organisation: rng.pick(EARLY_HELP_ORGANISATIONS) });
      }
    }
    const contactDay = Math.max(dob, r.day - rng.int(0, 2));
    push('contact', { la_code: la, contact_id: `K${++contactId}`, child_id: `C${r.child}`, contact_date: iso(contactDay), source: sourceOn(contactDay), outcome: 'referral', referral_id: `R${r.id}` });
  }
  for (const a of world.assessments) {
    push('assessment', { la_code: la, assessment_id: `A${a.id}`, referral_id: `R${a.referral}`, child_id: `C${a.child}`, start_date: iso(a.start), authorised_date: opt(a.authorised), child_seen: true, outcome_further_action: a.furtherAction });
    for (const f of a.factors) push('assessment_factor', { la_code: la, assessment_id: `A${a.id}`, factor: f });
  }
  for (const p of world.cinPlans) {
    push('cin_plan', { la_code: la, cin_plan_id: `CP${p.id}`, referral_id: `R${p.referral}`, child_id: `C${p.child}`, start_date: iso(p.start), end_date: opt(p.end) });
    if (visits) addVisits(push, la, 'cin', p.child, p.start, p.end ?? world.end, 20, world);
  }
  let conferenceId = 0;
  let meetingId = 0;
  for (const s of world.s47s) {
    push('strategy_discussion', { la_code: la, strategy_id: `SD${s.id}`, referral_id: `R${s.referral}`, child_id: `C${s.child}`, discussion_date: iso(s.strategyDay), s47_initiated: true });
    push('s47_enquiry', {
      la_code: la, s47_id: `S${s.id}`, referral_id: `R${s.referral}`, child_id: `C${s.child}`, strategy_id: `SD${s.id}`, start_date: iso(s.start), end_date: opt(s.end),
      icpc_target_date: iso(s.icpcTarget), icpc_not_required: s.icpcDay === null,
    });
    if (s.policeProtection) push('emergency_protection', { la_code: la, protection_id: `PP${s.id}`, child_id: `C${s.child}`, protection_type: 'police_protection', start_date: iso(s.start), end_date: iso(s.start + 2) });
  }
  const planByS47 = new Map(world.cpPlans.map((p) => [p.s47, p]));
  for (const s of world.s47s) {
    if (s.icpcDay === null || s.icpcDay > world.end) continue;
    const plan = planByS47.get(s.id);
    push('cp_conference', { la_code: la, conference_id: `CC${++conferenceId}`, child_id: `C${s.child}`, referral_id: `R${s.referral}`, conference_type: 'initial', s47_id: `S${s.id}`, cp_plan_id: null, conference_date: iso(s.icpcDay), plan_decided: s.planDecided && plan !== undefined });
  }
  for (const p of world.cpPlans) {
    push('cp_plan', {
      la_code: la, cp_plan_id: `P${p.id}`, child_id: `C${p.child}`, referral_id: `R${p.referral}`, start_date: iso(p.start), end_date: opt(p.end),
      initial_category: CATEGORY_CODE[p.initialCategory], latest_category: CATEGORY_CODE[p.latestCategory], other_la: false,
    });
    const stop = p.end ?? world.end + 1;
    for (let review = p.start + 91; review <= Math.min(stop, world.end); review += 182) {
      push('cp_conference', { la_code: la, conference_id: `CC${++conferenceId}`, child_id: `C${p.child}`, referral_id: `R${p.referral}`, conference_type: 'review', s47_id: null, cp_plan_id: `P${p.id}`, conference_date: iso(review), plan_decided: review < stop });
    }
    if (visits) {
      for (let m = p.start + 14; m < Math.min(stop, world.end); m += 42) push('core_group', { la_code: la, meeting_id: `M${++meetingId}`, cp_plan_id: `P${p.id}`, child_id: `C${p.child}`, meeting_date: iso(m) });
      addVisits(push, la, 'cp', p.child, p.start, Math.min(stop, world.end), 10, world);
    }
  }
  let reviewId = 0;
  const adopters = adopterHouseholdRows(world, la, rng);
  for (const row of adopters.rows) push('adopter_household', row);
  for (const row of permanencePlanRows(world, la)) push('permanence_plan', row);
  for (const row of previousPermanenceRows(world, la, rng, options.fromYear, options.toYear)) push('previous_permanence', row);
  let healthId = 0;
  let missingId = 0;
  for (const p of world.carePeriods) {
    const child = world.children[p.child - 1]!;
    push('care_period', { la_code: la, period_id: `CL${p.id}`, child_id: `C${p.child}`, referral_id: `R${p.referral}`, start_date: iso(p.start), end_date: opt(p.end) });
    p.episodes.forEach((e, i) => {
      const group = placeGroupOf(e.place);
      push('cla_episode', {
        la_code: la, episode_id: `E${p.id}_${i + 1}`, child_id: `C${p.child}`, period_id: `CL${p.id}`, decom: iso(e.start), rne: e.rne, legal_status: e.legalStatus,
        cin_category: p.cinCategory, place: e.place, place_provider: e.provider, urn: group === 'secure_childrens_homes' ? `SC${String(100000 + (p.id * 13) % 899999).slice(0, 6)}` : null,
        pl_post: e.place === 'P1' ? null : `ZZ${1 + (p.id % 9)}`, home_post: `ZZ${world.households[child.household - 1]!.locality + 1}`, pl_distance_miles: e.distanceMiles, pl_la: e.insideLa ? la : null,
        dec: opt(e.end), rec: e.end === null ? null : e.rec, reason_place_change: e.reasonPlaceChange,
      });
      if (e.legalStatus === 'L1' || e.legalStatus === 'L2') {
        push('emergency_protection', { la_code: la, protection_id: `EP${p.id}_${i + 1}`, child_id: `C${p.child}`, protection_type: e.legalStatus === 'L1' ? 'police_protection' : 'epo', start_date: iso(e.start), end_date: opt(e.end) });
      }
    });
    const stop = Math.min(p.end ?? world.end, world.end);
    const reviews = [p.start + 28, p.start + 28 + 91];
    while (reviews.at(-1)! + 182 <= stop) reviews.push(reviews.at(-1)! + 182);
    const age = (d: number) => Math.floor((d - child.dob) / 365.25);
    for (const r of reviews) {
      if (r > stop) break;
      push('cla_review', { la_code: la, review_id: `RV${++reviewId}`, child_id: `C${p.child}`, period_id: `CL${p.id}`, review_date: iso(r), participation: age(r) < 4 ? 'PN0' : rng.pick(['PN1', 'PN1', 'PN2', 'PN4', 'PN5', 'PN6']) });
    }
    for (let h = p.start + 20; h <= stop; h += 365) {
      push('health_check', { la_code: la, check_id: `HC${++healthId}`, child_id: `C${p.child}`, check_type: 'health_assessment', check_date: iso(h) });
      if (h + 30 <= stop) push('health_check', { la_code: la, check_id: `HC${++healthId}`, child_id: `C${p.child}`, check_type: 'dental', check_date: iso(h + 30) });
    }
    if (visits) addVisits(push, la, 'cla', p.child, p.start, stop, 30, world);
    for (const m of p.missing) {
      push('missing_episode', {
        la_code: la, missing_id: `MI${++missingId}`, child_id: `C${p.child}`, missing_type: m.type, start_date: iso(m.start), end_date: opt(m.end),
        return_interview_offered: m.end === null ? null : m.offered, return_interview_accepted: m.end === null ? null : m.accepted, return_interview_date: opt(m.interviewDay),
      });
    }
    if (p.adoption) {
      const a = p.adoption;
      const household = adopters.householdOf.get(p.id);
      push('adoption_decision', {
        la_code: la, decision_id: `AD${p.id}`, child_id: `C${p.child}`, decision_date: iso(a.decision), placement_order_date: opt(a.placementOrder), matched_date: opt(a.matched),
        placed_date: opt(a.placed), ffa_placed_date: null, reversed_date: opt(a.reversed), reversed_reason: a.reversed !== null ? rng.pick(['RD1', 'RD2', 'RD3', 'RD4']) : null,
      });
      if (a.order !== null && a.matched !== null && p.end !== null) {
        const couple = household ? household.adopters === 2 : rng.chance(0.85);
        push('adoption', {
          la_code: la, child_id: `C${p.child}`, adoption_order_date: iso(a.order), decision_date: iso(a.decision), matched_date: iso(a.matched), placed_date: opt(a.placed),
          by_foster_carer: rng.chance(0.12), number_of_adopters: couple ? 2 : 1, sex_of_adopters: couple ? rng.pick(['MF', 'MF', 'MF', 'MF', 'MM', 'FF']) : rng.pick(['F1', 'F1', 'M1']),
          legal_status_of_adopters: couple ? 'L11' : 'L0', adopter_household_id: household?.id ?? null,
        });
      }
    }
    // OC2: looked after continuously for 12 months at 31 March.
    for (let y = options.fromYear; y <= options.toYear; y++) {
      const snap = snapshotDay(y);
      if (p.start <= snap - 365 && (p.end === null || p.end > snap)) {
        const a = age(snap);
        push('cla_outcome', {
          la_code: la, child_id: `C${p.child}`, collection_year: y, sdq_score: a >= 4 && a <= 16 && rng.chance(0.8) ? Math.min(40, Math.max(0, Math.round(rng.normal() * 6 + 14))) : null,
          sdq_reason: a < 4 || a > 16 ? 'SDQ1' : null, convicted: a >= 10 ? rng.chance(0.03) : false, health_check: rng.chance(0.9), immunisations: rng.chance(0.85), teeth_check: rng.chance(0.75),
          health_assessment: rng.chance(0.9), substance_misuse: a >= 10 ? rng.chance(0.03) : false, intervention_received: null, intervention_offered: null,
        });
      }
    }
  }
  addCareLeavers(push, world, options, rng, workerId);
  world.allocations.forEach((a, i) => {
    push('allocation', {
      la_code: la, allocation_id: `AL${i + 1}`, child_id: `C${a.child}`, worker_id: workerId(a.worker), allocation_role: a.role,
      referral_id: a.referral === null ? null : `R${a.referral}`, period_id: a.period === null ? null : `CL${a.period}`, start_date: iso(a.start), end_date: opt(a.end), change_reason: a.reason,
    });
  });
  return out;
}

const CATEGORY_CODE = { neglect: 'NEG', physical: 'PHY', sexual: 'SAB', emotional: 'EMO', multiple: 'MUL' } as const;

function addVisits(push: (t: TableName, r: Row) => void, la: string, context: 'cin' | 'cp' | 'cla', child: number, from: number, to: number, everyDays: number, world: SimWorld): void {
  // The bulk of the rows: strings shared by a child's visits are built once.
  const childId = `C${child}`;
  const prefix = `V${context}${child}_`;
  const seenAloneFrom = context === 'cla' ? world.children[child - 1]!.dob + 1801 : -Infinity;
  for (let d = from + Math.min(7, everyDays); d <= Math.min(to, world.end); d += everyDays) {
    push('visit', { la_code: la, visit_id: prefix + d, child_id: childId, context, visit_date: isoOf(d), seen: true, seen_alone: d >= seenAloneFrom });
  }
}

function addCareLeavers(push: (t: TableName, r: Row) => void, world: SimWorld, options: RowOptions, rng: Random, workerId: (id: number) => string): void {
  const la = world.laCode;
  const paByChild = new Map<number, number>();
  for (const a of world.allocations) if (a.role === 'personal_adviser') paByChild.set(a.child, a.worker);
  const done = new Set<string>();
  for (const p of world.carePeriods) {
    const child = world.children[p.child - 1]!;
    // OC3: relevant young people (left care at 16) at 17, then everyone at 18 to 21 (a row a year, in the year of the birthday).
    const firstAge = careLeaverFrom(p, child.dob);
    if (firstAge === null) continue;
    for (let age: number = firstAge; age <= 21; age++) {
      const birthday = birthdayDay(child.dob, age);
      if (birthday > world.end) break;
      const year = collectionYearOfDay(birthday);
      if (year < options.fromYear || year > options.toYear || done.has(`${p.child}:${year}`)) continue;
      done.add(`${p.child}:${year}`);
      const inTouch = ['YES', 'NO', 'REFU', 'NREQ'][rng.weighted([0.88, 0.05, 0.03, age === 21 ? 0.04 : 0.01])]!;
      const known = inTouch === 'YES';
      push('care_leaver', {
        la_code: la, child_id: `C${p.child}`, collection_year: year, eligibility: age === 17 ? 'relevant' : 'former_relevant', in_touch: inTouch,
        latest_contact_date: known ? isoOf(Math.max(collectionYearStart(year), birthday - rng.int(0, 60))) : null,
        activity: known ? ['F2', 'F1', 'F5', 'P5', 'F4', 'G5', 'G4', 'G6'][rng.weighted(age === 17 ? [0.55, 0.05, 0.1, 0.05, 0.03, 0.12, 0.05, 0.05] : [0.22, 0.07, 0.13, 0.05, 0.04, 0.3, 0.1, 0.09])]! : '0',
        accommodation: known ? ['D1', 'E1', 'U1', 'B1', 'Z1', 'C1', 'S2', 'X2'][rng.weighted([0.28, 0.08, 0.3, 0.1, 0.1, 0.04, 0.02, 0.03])]! : '0',
        pathway_plan_review_date: known ? isoOf(birthday - rng.int(0, 150)) : null,
        personal_adviser_id: paByChild.has(p.child) ? workerId(paByChild.get(p.child)!) : null,
      });
    }
  }
}
