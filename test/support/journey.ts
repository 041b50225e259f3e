import type { TableName } from '../../src/db/index.js';

export const LA = '999';

type Rows = Record<string, unknown>[];

/**
 * One realistic journey, in load order: referral → assessment → strategy discussion → S47 →
 * ICPC → CP plan → care (legal status change, placement move) → placement order → adoption.
 */
export function childJourney(la = LA): [TableName, Rows][] {
  const base = { la_code: la };
  const child = { ...base, child_id: 'C1' };
  return [
    ['team', [{ ...base, team_id: 'T1', name: 'Safeguarding North', team_type: 'family_support_cp', locality: 'North' }]],
    ['worker', [{ ...base, worker_id: 'W1', role: 'social_worker', team_id: 'T1', fte: 1, contract: 'permanent', start_date: '2019-09-01' }]],
    ['child', [{ ...child, date_of_birth: '2020-02-29', sex: 'F', ethnicity: 'WBRI', uasc: false }]],
    ['child_identity', [{ ...child, upn: 'A123456789012', forename: 'Test', surname: 'Child' }]],
    ['contact', [{ ...base, contact_id: 'K1', child_id: 'C1', contact_date: '2021-05-03', source: '3A', outcome: 'referral', referral_id: null }]],
    ['referral', [{ ...child, referral_id: 'R1', referral_date: '2021-05-04', source: '3A', primary_need: 'N1', nfa: false, closure_date: '2023-11-20', closure_reason: 'RC1', team_id: 'T1', worker_id: 'W1' }]],
    ['assessment', [{ ...child, assessment_id: 'A1', referral_id: 'R1', start_date: '2021-05-05', authorised_date: '2021-06-20', child_seen: true }]],
    ['assessment_factor', [{ ...base, assessment_id: 'A1', factor: '2A' }, { ...base, assessment_id: 'A1', factor: '3A' }]],
    ['strategy_discussion', [{ ...child, strategy_id: 'SD1', referral_id: 'R1', discussion_date: '2021-06-01' }]],
    ['s47_enquiry', [{ ...child, s47_id: 'S1', referral_id: 'R1', strategy_id: 'SD1', start_date: '2021-06-01', end_date: '2021-06-18', icpc_target_date: '2021-06-22' }]],
    ['cp_plan', [{ ...child, cp_plan_id: 'P1', referral_id: 'R1', start_date: '2021-06-18', end_date: '2022-01-10', initial_category: 'NEG', latest_category: 'NEG' }]],
    ['cp_conference', [
      { ...child, conference_id: 'CF1', referral_id: 'R1', conference_type: 'initial', s47_id: 'S1', cp_plan_id: 'P1', conference_date: '2021-06-18', plan_decided: true },
      { ...child, conference_id: 'CF2', referral_id: 'R1', conference_type: 'review', cp_plan_id: 'P1', conference_date: '2021-09-16', plan_decided: true },
    ]],
    ['care_period', [{ ...child, period_id: 'CP1', referral_id: 'R1', start_date: '2022-01-10', end_date: '2023-11-20' }]],
    ['cla_episode', [
      { ...child, episode_id: 'E1', period_id: 'CP1', decom: '2022-01-10', rne: 'S', legal_status: 'C1', cin_category: 'N1', place: 'U3', place_provider: 'PR1', dec: '2022-04-02', rec: 'X1' },
      { ...child, episode_id: 'E2', period_id: 'CP1', decom: '2022-04-02', rne: 'L', legal_status: 'C2', cin_category: 'N1', place: 'U3', place_provider: 'PR1', dec: '2022-09-15', rec: 'X1', reason_place_change: 'CARPL' },
      { ...child, episode_id: 'E3', period_id: 'CP1', decom: '2022-09-15', rne: 'P', legal_status: 'C2', cin_category: 'N1', place: 'U1', place_provider: 'PR1', dec: '2023-02-01', rec: 'X1' },
      { ...child, episode_id: 'E4', period_id: 'CP1', decom: '2023-02-01', rne: 'L', legal_status: 'E1', cin_category: 'N1', place: 'A4', place_provider: 'PR1', dec: '2023-11-20', rec: 'E11' },
    ]],
    ['cla_review', [{ ...child, review_id: 'RV1', period_id: 'CP1', review_date: '2022-02-04', participation: 'PN0' }]],
    ['adoption_decision', [{ ...child, decision_id: 'AD1', decision_date: '2022-08-01', placement_order_date: '2022-10-03', matched_date: '2023-01-20', placed_date: '2023-02-01' }]],
    ['adoption', [{ ...child, adoption_order_date: '2023-11-20', decision_date: '2022-08-01', matched_date: '2023-01-20', placed_date: '2023-02-01', by_foster_carer: false, number_of_adopters: 2, sex_of_adopters: 'MF', legal_status_of_adopters: 'L11' }]],
    ['allocation', [{ ...child, allocation_id: 'AL1', worker_id: 'W1', allocation_role: 'allocated_worker', referral_id: 'R1', start_date: '2021-05-04', end_date: '2023-11-20' }]],
  ];
}
