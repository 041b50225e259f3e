import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { groupBy, rowsOf, type Row } from '../common/rows.js';

/** A list's rows as values by column key: ISO dates, stored codes, numbers; null for blank. */
export type ListRows = Record<string, string | number | null>[];

type Text = string | null;
const t = (v: unknown): Text => (v === null || v === undefined ? null : String(v));
const yn = (v: unknown): Text => (v === null || v === undefined ? null : v ? 'Y' : 'N');
const ynu = (v: unknown): Text => (v === null || v === undefined ? 'U' : v ? 'Y' : 'N');

/** ISO date `months` months before (negative) or after; the day is clamped to the month's end. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function ageAt(dob: Text, at: string): number | null {
  if (!dob) return null;
  let age = Number(at.slice(0, 4)) - Number(dob.slice(0, 4));
  if (at.slice(5) < dob.slice(5)) age--;
  return Math.max(0, age);
}

const latest = (rows: readonly Row[], column: string, from: string, to: string): Row | undefined =>
  rows.filter((r) => String(r[column]) >= from && String(r[column]) <= to).sort((a, b) => (String(a[column]) < String(b[column]) ? 1 : -1))[0];

/**
 * The eleven Annex A lists of an authority as at a date (the inspection's extract date), from the
 * canonical records. Windows (formats-annex-a.md): six months back for lists 1-5, a snapshot at
 * the date plus those closed in the six months for lists 6-9, twelve months for lists 10-11.
 * Derived columns follow the SSD extract's choices (section 4), anchored on the extract date.
 */
export async function buildAnnexA(db: Kysely<Database>, laCode: string, asAt: string): Promise<Map<number, ListRows>> {
  const from6 = addMonths(asAt, -6);
  const from12 = addMonths(asAt, -12);
  const within = (d: unknown, from: string) => typeof d === 'string' && d >= from && d <= asAt;
  const openAt = (start: unknown, end: unknown, from: string) => typeof start === 'string' && start <= asAt && (end === null || end === undefined || String(end) > asAt || String(end) >= from);
  const [children, disabilities, contacts, earlyHelp, referrals, assessments, s47s, conferences, cpPlans, cinPlans, visits, protections, periods, episodes, reviews, permanence, health, missing, leavers, decisions, adoptions, households, allocations, workers, teams] = await Promise.all([
    rowsOf(db, 'child', laCode, 'child_id'), rowsOf(db, 'child_disability', laCode, 'child_id, disability'),
    rowsOf(db, 'contact', laCode, 'contact_date, child_id, contact_id'), rowsOf(db, 'early_help_assessment', laCode, 'start_date, child_id, early_help_id'),
    rowsOf(db, 'referral', laCode, 'referral_date, child_id'), rowsOf(db, 'assessment', laCode, 'start_date, child_id'), rowsOf(db, 's47_enquiry', laCode, 'start_date, child_id'),
    rowsOf(db, 'cp_conference', laCode, 'conference_date, conference_id'), rowsOf(db, 'cp_plan', laCode, 'start_date, child_id'), rowsOf(db, 'cin_plan', laCode, 'start_date, child_id'),
    rowsOf(db, 'visit', laCode, 'visit_date, visit_id'), rowsOf(db, 'emergency_protection', laCode, 'start_date, protection_id'),
    rowsOf(db, 'care_period', laCode, 'start_date, child_id'), rowsOf(db, 'cla_episode', laCode, 'decom, child_id'), rowsOf(db, 'cla_review', laCode, 'review_date, review_id'),
    rowsOf(db, 'permanence_plan', laCode, 'start_date, plan_id'), rowsOf(db, 'health_check', laCode, 'check_date, check_id'), rowsOf(db, 'missing_episode', laCode, 'start_date, missing_id'),
    rowsOf(db, 'care_leaver', laCode, 'child_id, collection_year'), rowsOf(db, 'adoption_decision', laCode, 'decision_date, child_id'),
    rowsOf(db, 'adoption', laCode, 'adoption_order_date, child_id'), rowsOf(db, 'adopter_household', laCode, 'household_id'),
    rowsOf(db, 'allocation', laCode, 'start_date, allocation_id'), rowsOf(db, 'worker', laCode, 'worker_id'), rowsOf(db, 'team', laCode, 'team_id'),
  ]);
  const childOf = new Map(children.map((c) => [String(c.child_id), c]));
  const disabilityOf = groupBy(disabilities, 'child_id');
  const teamName = new Map(teams.map((x) => [String(x.team_id), String(x.name)]));
  const workerTeam = new Map(workers.map((w) => [String(w.worker_id), t(w.team_id)]));
  const allocationsOf = groupBy(allocations.filter((a) => a.allocation_role === 'allocated_worker'), 'child_id');
  const by = (rows: Row[], column = 'child_id') => groupBy(rows, column);
  const visitsOf = by(visits), protectionsOf = by(protections), episodesOf = by(episodes), reviewsOf = by(reviews), permanenceOf = by(permanence);
  const healthOf = by(health), missingOf = by(missing), periodsOf = by(periods), s47sOf = by(s47s), plansOf = by(cpPlans), cinPlansOf = by(cinPlans);
  const assessmentsOf = by(assessments), referralsOf = by(referrals);

  const childColumns = (id: unknown) => {
    const c = childOf.get(String(id));
    const dis = disabilityOf.get(String(id)) ?? [];
    return {
      child: String(id), gender: t(c?.sex), ethnicity: t(c?.ethnicity), dob: t(c?.date_of_birth), age: ageAt(t(c?.date_of_birth), asAt),
      disability: dis.length === 0 ? 'U' : dis.some((d) => d.disability !== 'NONE') ? 'Y' : 'N',
    };
  };
  /** The record's own team and worker, else the child's allocated worker on the date. */
  const holder = (row: Row, date: string) => {
    let worker = t(row.worker_id);
    if (!worker) {
      const a = (allocationsOf.get(String(row.child_id)) ?? []).filter((x) => String(x.start_date) <= date && (x.end_date === null || String(x.end_date) >= date)).at(-1);
      worker = t(a?.worker_id);
    }
    const team = t(row.team_id) ?? (worker ? workerTeam.get(worker) ?? null : null);
    return { team: team ? teamName.get(team) ?? team : null, worker };
  };
  const lists = new Map<number, ListRows>();

  lists.set(1, contacts.filter((c) => within(c.contact_date, from6)).map((c) => ({ ...childColumns(c.child_id), contactDate: t(c.contact_date), source: t(c.source) })));
  lists.set(2, earlyHelp.filter((e) => openAt(e.start_date, e.completion_date, from6) && (within(e.start_date, from6) || e.completion_date === null || String(e.completion_date) >= from6))
    .map((e) => ({ ...childColumns(e.child_id), start: t(e.start_date), completed: within(e.completion_date, '0000') ? t(e.completion_date) : null, organisation: t(e.organisation) })));
  lists.set(3, referrals.filter((r) => within(r.referral_date, from6)).map((r) => {
    const earlier = (referralsOf.get(String(r.child_id)) ?? []).filter((x) => within(x.referral_date, from12)).length;
    return { ...childColumns(r.child_id), referralDate: t(r.referral_date), source: t(r.source), nfa: yn(r.nfa), referrals12: Math.max(0, earlier - 1), ...holder(r, String(r.referral_date)) };
  }));
  // An assessment never authorised counts as open only while its referral is (or closed in the window).
  const referralById = new Map(referrals.map((r) => [String(r.referral_id), r]));
  const referralCurrent = (id: unknown) => {
    const r = referralById.get(String(id));
    return r !== undefined && (r.closure_date === null || String(r.closure_date) >= from6);
  };
  lists.set(4, assessments.filter((a) => within(a.start_date, from6) || within(a.authorised_date, from6) || (a.authorised_date === null && String(a.start_date) <= asAt && referralCurrent(a.referral_id))).map((a) => ({
    ...childColumns(a.child_id), start: t(a.start_date), seen: ynu(a.child_seen), authorised: within(a.authorised_date, '0000') ? t(a.authorised_date) : null,
    furtherAction: yn(a.outcome_further_action), ...holder(a, String(a.start_date)),
  })));
  const initialOf = new Map(conferences.filter((c) => c.conference_type === 'initial' && c.s47_id).map((c) => [String(c.s47_id), c]));
  const initialsOf = by(conferences.filter((c) => c.conference_type === 'initial'));
  lists.set(5, s47s.filter((s) => within(s.start_date, from6)).map((s) => {
    const start = String(s.start_date);
    const yearBefore = addMonths(start, -12);
    const icpc = initialOf.get(String(s.s47_id));
    const icpcDate = icpc && within(icpc.conference_date, '0000') ? t(icpc.conference_date) : null;
    return {
      ...childColumns(s.child_id), start, icpcNotRequired: yn(s.icpc_not_required), icpc: icpcDate, planDecided: icpcDate ? ynu(icpc!.plan_decided) : null,
      s47s12: (s47sOf.get(String(s.child_id)) ?? []).filter((x) => String(x.start_date) >= yearBefore && String(x.start_date) < start).length,
      icpcs12: (initialsOf.get(String(s.child_id)) ?? []).filter((x) => String(x.conference_date) >= yearBefore && String(x.conference_date) < start).length,
      ...holder(s, start),
    };
  }));
  const lookedAfterAt = (child: string) => (periodsOf.get(child) ?? []).some((p) => String(p.start_date) <= asAt && (p.end_date === null || String(p.end_date) > asAt));
  const openIn = (rows: Row[] | undefined, startColumn: string, endColumn: string) => (rows ?? []).some((x) => String(x[startColumn]) <= asAt && (x[endColumn] === null || String(x[endColumn]) > asAt));
  lists.set(6, referrals.filter((r) => !r.nfa && openAt(r.referral_date, r.closure_date, from6)).map((r) => {
    const child = String(r.child_id);
    const closed = within(r.closure_date, '0000') ? t(r.closure_date) : null;
    const status = closed ? 'closed_episode' : lookedAfterAt(child) ? 'looked_after' : openIn(plansOf.get(child), 'start_date', 'end_date') ? 'cp_plan'
      : openIn(cinPlansOf.get(child), 'start_date', 'end_date') ? 'cin_plan' : (assessmentsOf.get(child) ?? []).some((a) => a.referral_id === r.referral_id && (a.authorised_date === null || String(a.authorised_date) > asAt)) ? 'open_assessment' : 'cin_plan';
    return {
      ...childColumns(child), start: t(r.referral_date), need: t(r.primary_need), lastSeen: t(latest(visitsOf.get(child) ?? [], 'visit_date', String(r.referral_date), asAt)?.visit_date),
      closed, closureReason: closed ? t(r.closure_reason) : null, status, ...holder(r, String(r.referral_date)),
    };
  }));
  const reviewConferences = by(conferences.filter((c) => c.conference_type === 'review'), 'cp_plan_id');
  lists.set(7, cpPlans.filter((p) => openAt(p.start_date, p.end_date, from6)).map((p) => {
    const child = String(p.child_id);
    const start = String(p.start_date);
    const visit = latest((visitsOf.get(child) ?? []).filter((v) => v.context === 'cp'), 'visit_date', start, asAt);
    return {
      ...childColumns(child), start, initial: t(p.initial_category), latest: t(p.latest_category), lastVisit: t(visit?.visit_date), seenAlone: visit ? ynu(visit.seen_alone) : null,
      review: t(latest(reviewConferences.get(String(p.cp_plan_id)) ?? [], 'conference_date', start, asAt)?.conference_date),
      end: within(p.end_date, '0000') ? t(p.end_date) : null,
      epo: (protectionsOf.get(child) ?? []).some((x) => String(x.start_date) <= asAt && (x.end_date === null || String(x.end_date) >= from6)) ? 'Y' : 'N',
      previous: (plansOf.get(child) ?? []).filter((x) => String(x.start_date) < start).length,
      ...holder({ child_id: child }, start),
    };
  }));
  lists.set(8, periods.filter((p) => openAt(p.start_date, p.end_date, from6)).map((p) => careRow(p)));
  function careRow(p: Row) {
    const child = String(p.child_id);
    const start = String(p.start_date);
    const mine = (episodesOf.get(child) ?? []).filter((e) => e.period_id === p.period_id && String(e.decom) <= asAt);
    const current = mine.at(-1);
    let legalStart = current ? String(current.decom) : start;
    let placeStart = legalStart;
    for (let i = mine.length - 2; i >= 0 && mine[i]!.legal_status === current?.legal_status && legalStart === String(mine[i + 1]!.decom); i--) legalStart = String(mine[i]!.decom);
    for (let i = mine.length - 2; i >= 0 && mine[i]!.place === current?.place && mine[i]!.pl_post === current?.pl_post && placeStart === String(mine[i + 1]!.decom); i--) placeStart = String(mine[i]!.decom);
    const ceased = within(p.end_date, '0000') ? t(p.end_date) : null;
    const missingYear = (missingOf.get(child) ?? []).filter((m) => within(m.start_date, from12));
    const lastMissing = missingYear.filter((m) => m.missing_type === 'M').at(-1);
    const c = childOf.get(child);
    const placements = (episodesOf.get(child) ?? []).filter((e) => String(e.decom) <= asAt && (e.dec === null || String(e.dec) >= from12))
      .filter((e, i) => i === 0 || ['S', 'P', 'B', 'T', 'U'].includes(String(e.rne))).length;
    const plan = latest(permanenceOf.get(child) ?? [], 'start_date', '0000', asAt);
    return {
      ...childColumns(child), uasc: c?.uasc ? 'Y' : 'N', periodStart: start, need: t(current?.cin_category),
      secondPeriod: (periodsOf.get(child) ?? []).some((x) => x.period_id !== p.period_id && x.end_date !== null && String(x.end_date) >= addMonths(start, -12) && String(x.end_date) <= start) ? 'Y' : 'N',
      legalStart, legalStatus: t(current?.legal_status), review: t(latest(reviewsOf.get(child) ?? [], 'review_date', start, asAt)?.review_date),
      lastVisit: t(latest((visitsOf.get(child) ?? []).filter((v) => v.context === 'cla'), 'visit_date', start, asAt)?.visit_date), permanence: t(plan?.plan), iroVisit: null,
      health: t(latest((healthOf.get(child) ?? []).filter((h) => h.check_type === 'health_assessment'), 'check_date', '0000', asAt)?.check_date),
      dental: t(latest((healthOf.get(child) ?? []).filter((h) => h.check_type === 'dental'), 'check_date', '0000', asAt)?.check_date),
      placements12: Math.max(1, placements), ceased, rec: ceased ? t(mine.at(-1)?.rec) : null, placeStart, place: t(current?.place), provider: t(current?.place_provider),
      postcode: t(current?.pl_post), urn: t(current?.urn), location: current?.pl_la ? (current.pl_la === laCode ? 'IN' : 'OUT') : null, placeLa: t(current?.pl_la),
      missing12: missingYear.filter((m) => m.missing_type === 'M').length, absent12: missingYear.filter((m) => m.missing_type === 'A').length,
      riOffered: yn(lastMissing?.return_interview_offered), riAccepted: yn(lastMissing?.return_interview_accepted), ...holder({ child_id: child }, ceased ?? asAt),
    };
  }
  const leaverYear = Number(asAt.slice(5) >= '04-01' ? Number(asAt.slice(0, 4)) + 1 : asAt.slice(0, 4));
  lists.set(9, leavers.filter((l) => Number(l.collection_year) === leaverYear).map((l) => {
    const child = String(l.child_id);
    const accommodation = t(l.accommodation);
    return {
      ...childColumns(child), uasc: childOf.get(child)?.uasc ? 'Y' : 'N', ...holder({ child_id: child }, asAt), adviser: t(l.personal_adviser_id), eligibility: t(l.eligibility),
      pathwayReview: t(l.pathway_plan_review_date), inTouch: t(l.in_touch), contact: t(l.latest_contact_date),
      accommodation: accommodation ? accommodation.slice(0, 1) : null, suitability: accommodation ? accommodation.slice(1) : null, activity: t(l.activity),
    };
  }));
  const adoptionsOf = by(adoptions);
  lists.set(10, decisions.filter((d) => within(d.decision_date, from12) || within(d.reversed_date, from12) || (adoptionsOf.get(String(d.child_id)) ?? []).some((a) => within(a.adoption_order_date, from12) && String(a.adoption_order_date) >= String(d.decision_date)))
    .map((d) => {
      const child = String(d.child_id);
      const order = (adoptionsOf.get(child) ?? []).find((a) => String(a.adoption_order_date) >= String(d.decision_date) && String(a.adoption_order_date) <= asAt);
      const period = (periodsOf.get(child) ?? []).filter((p) => String(p.start_date) <= String(d.decision_date)).at(-1);
      const { disability, ...columns } = childColumns(child);
      const seen = <T>(v: T) => (within(v, '0000') ? t(v) : null);
      return {
        ...columns, family: t(order?.adopter_household_id), disability, enteredCare: t(period?.start_date), decision: t(d.decision_date), placementOrder: seen(d.placement_order_date),
        matched: seen(d.matched_date), placed: seen(d.placed_date), adoptionOrder: t(order?.adoption_order_date), reversed: seen(d.reversed_date),
        reversedReason: within(d.reversed_date, '0000') ? t(d.reversed_reason) : null, ffa: seen(d.ffa_placed_date),
      };
    }));
  const dates = ['enquiry_date', 'stage1_start_date', 'stage1_end_date', 'stage2_start_date', 'stage2_end_date', 'application_date', 'approval_date', 'withdrawn_date'];
  lists.set(11, households.filter((h) => dates.some((d) => within(h[d], from12))).flatMap((h) => {
    const n = Math.max(1, Number(h.number_of_adopters ?? 1));
    return Array.from({ length: n }, (_, i) => ({
      // The canonical model holds households, not individual adopters: their details are not known.
      adopter: `${String(h.household_id)}-${i + 1}`, family: String(h.household_id), gender: 'U', ethnicity: 'NOBT', disability: 'U', ffa: 'N',
      enquiry: t(h.enquiry_date), stage1Start: t(h.stage1_start_date), stage1End: t(h.stage1_end_date), stage2Start: t(h.stage2_start_date), stage2End: t(h.stage2_end_date),
      application: t(h.application_date), approved: t(h.approval_date), matched: null, placed: null, childrenPlaced: null, adoptionOrder: null, left: t(h.withdrawn_date), leftReason: t(h.withdrawn_reason),
    }));
  }));
  return lists;
}
