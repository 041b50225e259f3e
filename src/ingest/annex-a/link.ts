import { ids } from '../common/ids.js';
import { issue, type ImportIssue } from '../common/issues.js';
import type { MergeState } from '../common/state.js';
import type { ImportTable } from '../common/tables.js';
import type { SourceRef } from '../common/types.js';
import type { ListRecord, Value } from './parse.js';

/** The canonical tables Annex A writes (read before merging). */
export const ANNEX_A_TABLES: readonly ImportTable[] = [
  'team', 'worker', 'child', 'child_disability', 'early_help_assessment', 'referral', 'contact', 'assessment', 'strategy_discussion', 's47_enquiry', 'cp_plan',
  'cp_conference', 'care_period', 'cla_episode', 'cla_review', 'adoption_decision', 'care_leaver', 'adopter_household', 'visit', 'health_check', 'allocation',
];

/** Team type of a team first seen in a list (the importer cannot know more). */
const TEAM_TYPE: Record<number, string> = { 3: 'front_door', 4: 'front_door', 5: 'family_support_cp', 6: 'cin', 7: 'family_support_cp', 8: 'looked_after', 9: 'leaving_care' };
/** Lists 3 and 6 create referrals, so they go first; the others then find them. */
const LIST_ORDER = [3, 6, 1, 2, 4, 5, 7, 8, 9, 10, 11];

const s = (v: Value | undefined): string | null => (v === null || v === undefined ? null : String(v));
const yes = (v: Value | undefined): boolean | null => (v === null || v === undefined || v === 'U' ? null : v === 'Y');

/**
 * Turns checked Annex A rows into canonical records, merged into what the database and the
 * returns in the same import hold (MergeState), matching children on the LA's child id:
 * - a child's details fill in or update the child (later extract or return wins, differences listed);
 * - referrals (lists 3, 6) are keyed like the CIN census's (child + referral date), so the same
 *   referral from both meets in one row; assessments, S47s and CP plans attach to the child's
 *   latest referral on or before their date (an error if there is none);
 * - list 8 creates a care period and its current episode only for children with no SSDA903
 *   episodes in that period (the SSDA903 return is the authority on episodes);
 * - allocated teams and workers become teams, workers (placeholders when not yet known, which a
 *   workforce list overrides) and allocations.
 */
export function linkAnnexA(records: readonly ListRecord[], state: MergeState, year: number, asAt: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const sorted = [...records].sort((a, b) => LIST_ORDER.indexOf(a.list) - LIST_ORDER.indexOf(b.list) || a.fileIndex - b.fileIndex || a.line - b.line);
  const source = (r: ListRecord): SourceRef => ({ fileIndex: r.fileIndex, file: r.file, line: r.line, year });
  const stage = (table: ImportTable, row: Record<string, unknown>, r: ListRecord, weak = false) => state.apply({ table, row, source: source(r), ...(weak ? { weak } : {}) });
  const err = (r: ListRecord, column: string, value: unknown, rule: string, message: string, expected = '') => issues.push(issue('error', r.file, r.line, column, value, rule, message, expected));

  // 1. Children: only the values given (a blank never erases what a return said).
  for (const r of sorted) {
    if (r.list === 11) continue;
    const child = s(r.v.child)!;
    const row: Record<string, unknown> = { child_id: child };
    if (r.v.gender !== null) row.sex = r.v.gender === 'I' ? 'U' : r.v.gender;
    if (r.v.ethnicity !== null) row.ethnicity = r.v.ethnicity;
    if (r.v.dob !== null) row.date_of_birth = r.v.dob;
    if (r.v.uasc === 'Y') row.uasc = true;
    stage('child', row, r);
  }
  // "No disability" is the CIN code NONE; "Yes" says nothing about which, so it is not stored.
  const withDisability = new Set<string>();
  for (const e of state.table('child_disability').values()) if (!e.deleted) withDisability.add(String(e.row.child_id));
  for (const r of sorted) {
    if (r.list === 11 || r.v.disability !== 'N' || withDisability.has(String(r.v.child))) continue;
    withDisability.add(String(r.v.child));
    stage('child_disability', { child_id: r.v.child, disability: 'NONE' }, r);
  }
  const children = state.table('child');
  for (const r of sorted) {
    if (r.list === 11) continue;
    const entry = children.get(String(r.v.child));
    if (entry && !entry.row.date_of_birth && !entry.row.expected_dob) {
      err(r, 'Date of Birth', '', 'required', `Child ${String(r.v.child)} is not already loaded, so Date of Birth is needed`, 'a date of birth');
      entry.row.expected_dob = '1900-01-01'; // reported once; the import is refused anyway
    }
  }

  // 2. Teams and workers named in the lists.
  const teamByName = new Map<string, string>();
  for (const entry of state.table('team').values()) if (!entry.deleted) teamByName.set(String(entry.row.name), String(entry.row.team_id));
  const workerFirst = new Map<string, { date: string; team: string | null; role: string; r: ListRecord }>();
  const teamOf = (r: ListRecord): string | null => {
    const name = s(r.v.team);
    if (name === null) return null;
    let id = teamByName.get(name) ?? (state.table('team').has(name) ? name : undefined);
    if (id === undefined) {
      id = name;
      teamByName.set(name, id);
      stage('team', { team_id: id, name, team_type: TEAM_TYPE[r.list] ?? 'cin' }, r, true);
    }
    return id;
  };
  const noteWorker = (name: string | null, role: string, date: string, team: string | null, r: ListRecord) => {
    if (name === null) return;
    const known = workerFirst.get(name);
    if (!known || date < known.date) workerFirst.set(name, { date, team: known?.team ?? team, role: known?.role ?? role, r: known?.r ?? r });
  };
  const allocations = new Map<string, { child: string; worker: string; role: string; start: string; end: string | null; open: boolean; r: ListRecord }>();
  const allocate = (r: ListRecord, worker: string | null, role: string, start: string, end: string | null) => {
    if (worker === null) return;
    const child = String(r.v.child);
    const key = ids.annexAAllocation(child, role, worker);
    const a = allocations.get(key) ?? { child, worker, role, start, end: null, open: false, r };
    if (start < a.start) a.start = start;
    if (end === null) a.open = true;
    else if (a.end === null || end > a.end) a.end = end;
    allocations.set(key, a);
  };
  const caseWorker = (r: ListRecord, date: string, end: string | null) => {
    const team = teamOf(r);
    noteWorker(s(r.v.worker), 'social_worker', date, team, r);
    allocate(r, s(r.v.worker), 'allocated_worker', date, end);
    return { team_id: team, worker_id: s(r.v.worker) };
  };

  // 3. Records, list by list.
  const referralsOf = new Map<string, { id: string; date: string }[]>();
  const referralFor = (r: ListRecord, date: string, column: string): string | null => {
    if (referralsOf.size === 0) {
      for (const e of state.table('referral').values()) {
        if (e.deleted) continue;
        const list = referralsOf.get(String(e.row.child_id)) ?? [];
        list.push({ id: String(e.row.referral_id), date: String(e.row.referral_date) });
        referralsOf.set(String(e.row.child_id), list);
      }
    }
    const found = (referralsOf.get(String(r.v.child)) ?? []).filter((x) => x.date <= date).sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    if (!found) err(r, column, date, 'referral', `Child ${String(r.v.child)} has no referral on or before ${date} (in lists 3 or 6, a CIN census or the database)`, 'a referral (CIN episode) the record belongs to');
    return found?.id ?? null;
  };
  const contactsSeen = new Map<string, number>();
  const households = new Map<string, { r: ListRecord; adopters: number }>();
  for (const r of sorted) {
    const child = s(r.v.child)!;
    const v = r.v;
    switch (r.list) {
      case 1: {
        const key = `${child}|${String(v.contactDate)}`;
        const nth = (contactsSeen.get(key) ?? 0) + 1;
        contactsSeen.set(key, nth);
        stage('contact', { contact_id: ids.contact(child, String(v.contactDate), nth), child_id: child, contact_date: v.contactDate, source: v.source }, r);
        break;
      }
      case 2:
        stage('early_help_assessment', { early_help_id: ids.earlyHelp(child, String(v.start)), child_id: child, start_date: v.start, completion_date: v.completed, organisation: v.organisation }, r);
        break;
      case 3:
        stage('referral', { referral_id: ids.referral(child, String(v.referralDate)), child_id: child, referral_date: v.referralDate, source: v.source, nfa: v.nfa === 'Y', ...caseWorker(r, String(v.referralDate), null) }, r);
        break;
      case 6: {
        if ((v.closed === null) !== (v.closureReason === null)) {
          err(r, 'Reason for Closure', v.closureReason ?? '', 'together', 'CIN Closure Date and Reason for Closure must both be given or both be blank', 'both or neither');
          break;
        }
        const id = ids.referral(child, String(v.start));
        // A referral known only from list 6 has no source: 10 (unknown) until a return says.
        stage('referral', { referral_id: id, child_id: child, referral_date: v.start, source: '10', nfa: false }, r, true);
        stage('referral', { referral_id: id, primary_need: v.need, closure_date: v.closed, closure_reason: v.closureReason, ...caseWorker(r, String(v.start), s(v.closed)) }, r);
        break;
      }
      case 4: {
        const referral = referralFor(r, String(v.start), 'Continuous Assessment Start Date');
        if (!referral) break;
        stage('assessment', {
          assessment_id: ids.assessment(child, String(v.start)), referral_id: referral, child_id: child, start_date: v.start, authorised_date: v.authorised,
          child_seen: yes(v.seen), outcome_further_action: yes(v.furtherAction), ...caseWorker(r, String(v.start), s(v.authorised)),
        }, r);
        break;
      }
      case 5: {
        const start = String(v.start);
        const referral = referralFor(r, start, 'Strategy discussion initiating Section 47 Enquiry Start Date');
        if (!referral) break;
        const strategy = ids.strategy(child, start);
        const s47 = ids.s47(child, start);
        stage('strategy_discussion', { strategy_id: strategy, referral_id: referral, child_id: child, discussion_date: start }, r);
        stage('s47_enquiry', { s47_id: s47, referral_id: referral, child_id: child, strategy_id: strategy, start_date: start, icpc_not_required: v.icpcNotRequired === 'Y', ...caseWorker(r, start, s(v.icpc)) }, r);
        if (v.icpc !== null) {
          stage('cp_conference', { conference_id: ids.initialConference(child, String(v.icpc)), child_id: child, referral_id: referral, conference_type: 'initial', s47_id: s47, conference_date: v.icpc, plan_decided: yes(v.planDecided) }, r);
        }
        break;
      }
      case 7: {
        const start = String(v.start);
        const referral = referralFor(r, start, 'Child Protection Plan Start Date');
        if (!referral) break;
        const plan = ids.cpPlan(child, start);
        stage('cp_plan', { cp_plan_id: plan, child_id: child, referral_id: referral, start_date: start, end_date: v.end, initial_category: v.initial, latest_category: v.latest }, r);
        if (v.review !== null) stage('cp_conference', { conference_id: ids.reviewConference(child, String(v.review)), child_id: child, referral_id: referral, conference_type: 'review', cp_plan_id: plan, conference_date: v.review }, r);
        const { worker_id } = caseWorker(r, start, s(v.end));
        if (v.lastVisit !== null) stage('visit', { visit_id: ids.visit(child, 'cp', String(v.lastVisit)), child_id: child, context: 'cp', visit_date: v.lastVisit, seen_alone: yes(v.seenAlone), worker_id }, r);
        break;
      }
      case 8:
        linkCareRecord(r, state, stage);
        {
          const { worker_id } = caseWorker(r, String(v.periodStart), s(v.ceased));
          if (v.lastVisit !== null) stage('visit', { visit_id: ids.visit(child, 'cla', String(v.lastVisit)), child_id: child, context: 'cla', visit_date: v.lastVisit, worker_id }, r);
        }
        if (v.review !== null) stage('cla_review', { review_id: ids.review(child, String(v.review)), child_id: child, review_date: v.review }, r);
        for (const [key, type] of [['health', 'health_assessment'], ['dental', 'dental']] as const) {
          if (v[key] !== null) stage('health_check', { check_id: ids.healthCheck(child, type, String(v[key])), child_id: child, check_type: type, check_date: v[key] }, r);
        }
        break;
      case 9: {
        caseWorker(r, asAt, null);
        const adviser = s(v.adviser);
        noteWorker(adviser, 'personal_adviser', asAt, null, r);
        allocate(r, adviser, 'personal_adviser', asAt, null);
        stage('care_leaver', {
          child_id: child, collection_year: year, eligibility: v.eligibility, in_touch: v.inTouch, latest_contact_date: v.contact, activity: v.activity,
          accommodation: v.accommodation !== null && v.suitability !== null ? `${String(v.accommodation)}${String(v.suitability)}` : null,
          pathway_plan_review_date: v.pathwayReview, personal_adviser_id: adviser,
        }, r);
        break;
      }
      case 10:
        stage('adoption_decision', {
          decision_id: ids.adoptionDecision(child, String(v.decision)), child_id: child, decision_date: v.decision, placement_order_date: v.placementOrder,
          matched_date: v.matched, placed_date: v.placed, ffa_placed_date: v.ffa, reversed_date: v.reversed, reversed_reason: v.reversedReason,
        }, r);
        break;
      case 11: {
        const household = s(v.family) ?? String(v.adopter);
        const h = households.get(household) ?? { r, adopters: 0 };
        h.adopters++;
        households.set(household, h);
        break;
      }
    }
  }
  for (const [household, { r, adopters }] of households) {
    const v = r.v;
    stage('adopter_household', {
      household_id: household, enquiry_date: v.enquiry, stage1_start_date: v.stage1Start, stage1_end_date: v.stage1End, stage2_start_date: v.stage2Start,
      stage2_end_date: v.stage2End, application_date: v.application, approval_date: v.approved, number_of_adopters: Math.min(adopters, 2), withdrawn_date: v.left, withdrawn_reason: v.leftReason,
    }, r);
  }

  // 4. Workers not yet known become placeholders (a workforce list overrides them), then allocations.
  for (const [worker, first] of workerFirst) {
    stage('worker', { worker_id: worker, role: first.role, team_id: first.team, fte: 1, start_date: first.date }, first.r, true);
  }
  const held = new Set<string>();
  for (const [key, e] of state.table('allocation')) if (!e.deleted && !key.includes(':AA:')) held.add(`${String(e.row.child_id)}|${String(e.row.worker_id)}|${String(e.row.allocation_role)}`);
  for (const [id, a] of allocations) {
    if (held.has(`${a.child}|${a.worker}|${a.role}`)) continue; // already recorded (e.g. SSDA903 SWEpisodes)
    stage('allocation', { allocation_id: id, child_id: a.child, worker_id: a.worker, allocation_role: a.role, start_date: a.start, end_date: a.open ? null : a.end }, a.r);
  }
  return issues;
}

/** List 8: a care period and its current episode, unless SSDA903 episodes already cover the period. */
function linkCareRecord(r: ListRecord, state: MergeState, stage: (table: ImportTable, row: Record<string, unknown>, r: ListRecord) => void): void {
  const v = r.v;
  const child = String(v.child);
  const periodStart = String(v.periodStart);
  const ceased = s(v.ceased);
  const legalStart = String(v.legalStart);
  const placeStart = String(v.placeStart);
  const decom = [periodStart, legalStart, placeStart].sort().at(-1)!;
  const episodeId = ids.episode(child, decom);
  for (const e of state.table('cla_episode').values()) {
    if (e.deleted || e.row.child_id !== child || e.row.episode_id === episodeId) continue;
    if (String(e.row.decom) <= (ceased ?? '9999-12-31') && (e.row.dec === null || String(e.row.dec) >= periodStart)) return;
  }
  const rne = decom === periodStart ? 'S' : legalStart === placeStart ? 'B' : placeStart > legalStart ? 'P' : 'L';
  const periodId = ids.period(child, periodStart);
  stage('care_period', { period_id: periodId, child_id: child, start_date: periodStart, end_date: ceased }, r);
  const placeLa = s(v.placeLa);
  stage('cla_episode', {
    episode_id: episodeId, child_id: child, period_id: periodId, decom, rne, legal_status: v.legalStatus, cin_category: v.need, place: v.place,
    place_provider: v.provider, urn: v.urn, pl_post: v.postcode, pl_la: placeLa !== null && placeLa.length <= 10 ? placeLa : null, dec: ceased, rec: v.rec,
  }, r);
}
