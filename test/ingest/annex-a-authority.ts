import { ids } from '../../src/ingest/index.js';
import type { Rows } from './fixture-authority.js';

/**
 * A small authority whose records Annex A carries completely (as at 31 March 2025), so exporting
 * it to Annex A and importing that into an empty database gives the same records back:
 * C1 contact (twice in a day), referral, assessment, S47, ICPC, CP plan with review and visit;
 * C2 early help and contact; C3 looked after (UASC) with review, visit, health checks;
 * C4 care leaver with personal adviser; C5 looked after, placed for adoption;
 * C6 referral closed in the window; one adopter household of two.
 * Team ids are the team names (Annex A carries names), one of them a formula.
 */
export const AS_AT = '2025-03-31';
const AN = 'Assessment North';
const LAC = '=HYPERLINK("http://evil.example","LAC")';

/** Values the database would default (writeRecords writes every column, so give them). */
const DEFAULTS: Record<string, Record<string, unknown>> = {
  child: { uasc: false }, referral: { nfa: false }, strategy_discussion: { s47_initiated: true }, s47_enquiry: { icpc_not_required: false },
  cp_plan: { other_la: false }, visit: { seen: true }, worker: { contract: 'permanent' },
};

export function annexAAuthority(): Rows {
  const rows = records();
  for (const [table, defaults] of Object.entries(DEFAULTS)) rows[table] = (rows[table] ?? []).map((r) => ({ ...defaults, ...r }));
  return rows;
}

function records(): Rows {
  const c1Ref = ids.referral('C1', '2024-10-11');
  const c6Ref = ids.referral('C6', '2024-10-01');
  return {
    team: [
      { team_id: AN, name: AN, team_type: 'front_door' },
      { team_id: LAC, name: LAC, team_type: 'looked_after' },
    ],
    worker: [
      { worker_id: 'W1', role: 'social_worker', team_id: AN, fte: 1, start_date: '2024-10-01' },
      { worker_id: 'W2', role: 'social_worker', team_id: LAC, fte: 1, start_date: '2023-05-01' },
      { worker_id: 'PA1', role: 'personal_adviser', team_id: null, fte: 1, start_date: '2025-03-01' },
    ],
    child: [
      { child_id: 'C1', sex: 'M', ethnicity: 'WBRI', date_of_birth: '2015-05-01' },
      { child_id: 'C2', sex: 'F', ethnicity: 'AIND', date_of_birth: '2012-02-02' },
      { child_id: 'C3', sex: 'F', ethnicity: 'BAFR', date_of_birth: '2010-07-07', uasc: true },
      { child_id: 'C4', sex: 'M', ethnicity: 'WBRI', date_of_birth: '2006-03-03' },
      { child_id: 'C5', sex: 'U', ethnicity: 'MWBC', date_of_birth: '2020-01-01' },
      { child_id: 'C6', sex: 'F', ethnicity: 'CHNE', date_of_birth: '2018-09-09' },
    ],
    child_disability: [{ child_id: 'C1', disability: 'NONE' }],
    early_help_assessment: [{ early_help_id: ids.earlyHelp('C2', '2024-11-01'), child_id: 'C2', start_date: '2024-11-01', completion_date: '2024-12-01', organisation: '@School, "Riverside"' }],
    referral: [
      { referral_id: c1Ref, child_id: 'C1', referral_date: '2024-10-11', source: '2A', primary_need: 'N1', nfa: false, team_id: AN, worker_id: 'W1' },
      { referral_id: c6Ref, child_id: 'C6', referral_date: '2024-10-01', source: '5A', primary_need: 'N4', nfa: false, closure_date: '2024-12-01', closure_reason: 'RC7', team_id: AN, worker_id: 'W1' },
    ],
    contact: [
      { contact_id: ids.contact('C1', '2024-10-10', 1), child_id: 'C1', contact_date: '2024-10-10', source: '1A' },
      { contact_id: ids.contact('C1', '2024-10-10', 2), child_id: 'C1', contact_date: '2024-10-10', source: '6' },
      { contact_id: ids.contact('C2', '2024-12-05', 1), child_id: 'C2', contact_date: '2024-12-05', source: '3A' },
    ],
    assessment: [
      { assessment_id: ids.assessment('C1', '2024-10-12'), referral_id: c1Ref, child_id: 'C1', start_date: '2024-10-12', authorised_date: '2024-11-01', child_seen: true, outcome_further_action: true, team_id: AN, worker_id: 'W1' },
    ],
    strategy_discussion: [{ strategy_id: ids.strategy('C1', '2024-10-15'), referral_id: c1Ref, child_id: 'C1', discussion_date: '2024-10-15' }],
    s47_enquiry: [{ s47_id: ids.s47('C1', '2024-10-15'), referral_id: c1Ref, child_id: 'C1', strategy_id: ids.strategy('C1', '2024-10-15'), start_date: '2024-10-15', icpc_not_required: false, team_id: AN, worker_id: 'W1' }],
    cp_plan: [{ cp_plan_id: ids.cpPlan('C1', '2024-10-29'), child_id: 'C1', referral_id: c1Ref, start_date: '2024-10-29', initial_category: 'NEG', latest_category: 'EMO' }],
    cp_conference: [
      { conference_id: ids.initialConference('C1', '2024-10-29'), child_id: 'C1', referral_id: c1Ref, conference_type: 'initial', s47_id: ids.s47('C1', '2024-10-15'), conference_date: '2024-10-29', plan_decided: true },
      { conference_id: ids.reviewConference('C1', '2025-01-20'), child_id: 'C1', referral_id: c1Ref, conference_type: 'review', cp_plan_id: ids.cpPlan('C1', '2024-10-29'), conference_date: '2025-01-20' },
    ],
    care_period: [
      { period_id: ids.period('C3', '2024-06-01'), child_id: 'C3', start_date: '2024-06-01' },
      { period_id: ids.period('C5', '2023-05-01'), child_id: 'C5', start_date: '2023-05-01' },
    ],
    cla_episode: [
      { episode_id: ids.episode('C3', '2024-06-01'), child_id: 'C3', period_id: ids.period('C3', '2024-06-01'), decom: '2024-06-01', rne: 'S', legal_status: 'C2', cin_category: 'N1', place: 'U1', place_provider: 'PR1', urn: 'SC123456', pl_post: 'OX1 1AA', pl_la: '931' },
      { episode_id: ids.episode('C5', '2023-05-01'), child_id: 'C5', period_id: ids.period('C5', '2023-05-01'), decom: '2023-05-01', rne: 'S', legal_status: 'E1', cin_category: 'N1', place: 'U3', place_provider: 'PR4', pl_post: 'SW1 1AA', pl_la: '202' },
    ],
    cla_review: [{ review_id: ids.review('C3', '2025-01-15'), child_id: 'C3', review_date: '2025-01-15' }],
    adoption_decision: [{ decision_id: ids.adoptionDecision('C5', '2024-08-01'), child_id: 'C5', decision_date: '2024-08-01', placement_order_date: '2024-09-01', matched_date: '2024-11-01', placed_date: '2024-12-01' }],
    care_leaver: [{ child_id: 'C4', collection_year: 2025, eligibility: 'former_relevant', in_touch: 'YES', latest_contact_date: '2025-02-01', activity: 'F2', accommodation: 'D1', pathway_plan_review_date: '2025-01-10', personal_adviser_id: 'PA1' }],
    adopter_household: [{ household_id: 'H1', enquiry_date: '2024-05-01', stage1_start_date: '2024-06-01', stage1_end_date: '2024-08-01', approval_date: '2024-10-01', number_of_adopters: 2 }],
    visit: [
      { visit_id: ids.visit('C1', 'cp', '2025-03-01'), child_id: 'C1', context: 'cp', visit_date: '2025-03-01', seen: true, seen_alone: true, worker_id: 'W1' },
      { visit_id: ids.visit('C3', 'cla', '2025-02-20'), child_id: 'C3', context: 'cla', visit_date: '2025-02-20', seen: true, worker_id: 'W2' },
    ],
    health_check: [
      { check_id: ids.healthCheck('C3', 'health_assessment', '2024-12-01'), child_id: 'C3', check_type: 'health_assessment', check_date: '2024-12-01' },
      { check_id: ids.healthCheck('C3', 'dental', '2025-01-05'), child_id: 'C3', check_type: 'dental', check_date: '2025-01-05' },
    ],
    allocation: [
      { allocation_id: 'A1', child_id: 'C1', worker_id: 'W1', allocation_role: 'allocated_worker', start_date: '2024-10-11' },
      { allocation_id: 'A3', child_id: 'C3', worker_id: 'W2', allocation_role: 'allocated_worker', start_date: '2024-06-01' },
      { allocation_id: 'A4', child_id: 'C4', worker_id: 'W2', allocation_role: 'allocated_worker', start_date: '2024-04-01' },
      { allocation_id: 'A4P', child_id: 'C4', worker_id: 'PA1', allocation_role: 'personal_adviser', start_date: '2025-03-01' },
      { allocation_id: 'A5', child_id: 'C5', worker_id: 'W2', allocation_role: 'allocated_worker', start_date: '2023-05-01' },
      { allocation_id: 'A6', child_id: 'C6', worker_id: 'W1', allocation_role: 'allocated_worker', start_date: '2024-10-01', end_date: '2024-12-01' },
    ],
  };
}
