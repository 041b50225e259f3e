import type { Kysely } from 'kysely';
import { addAuthority, writeRecords, type Database, type TableName } from '../../db/index.js';

/**
 * A small crafted authority (code 999) for reporting year 2024 (1 April 2023 to 31 March 2024,
 * a leap year with the coronation holiday on 8 May 2023 and Good Friday on 29 March 2024).
 * Every indicator's expected value is worked out by hand in crafted-expectations.ts from these
 * rows. Edge cases: episodes and plans spanning year ends, two referrals of one child on one
 * day, plans and episodes ending on 31 March, a 29 February birthday and adoption, bank
 * holidays deciding 45-working-day and 15-working-day timeliness.
 */
export const CRAFTED_LA = '999';
/** Population 0-17 at mid-2023 (the denominator of 2024 rates): rate = count ÷ 2. */
export const CRAFTED_POPULATION = 20_000;

type Row = Record<string, unknown>;
const la = CRAFTED_LA;
const rows = (list: Row[]): Row[] => list.map((r) => ({ la_code: la, ...r }));

/** COPY writes NULL for a column missing from a row, so columns with database defaults get them here. */
const DEFAULTS: Partial<Record<TableName, Row>> = {
  la_population: { source: 'ONS mid-year estimate' },
  child: { uasc: false },
  referral: { nfa: false },
  strategy_discussion: { s47_initiated: true },
  s47_enquiry: { icpc_not_required: false },
  cp_plan: { other_la: false },
};

export const craftedRecords: [TableName, Row[]][] = [
  ['la_population', rows([{ year: 2023, age_band: '0-17', population: CRAFTED_POPULATION }, { year: 2022, age_band: '0-17', population: 25_000 }])],
  ['team', rows([
    { team_id: 'T1', name: 'North', team_type: 'family_support_cp', locality: 'North' },
    { team_id: 'T2', name: 'South', team_type: 'looked_after', locality: 'South' },
  ])],
  ['worker', rows([
    { worker_id: 'W1', role: 'social_worker', team_id: 'T1', fte: 1, start_date: '2019-01-01' },
    { worker_id: 'W2', role: 'social_worker', team_id: 'T1', fte: 1, start_date: '2019-01-01' },
    { worker_id: 'W3', role: 'social_worker', team_id: 'T2', fte: 1, start_date: '2019-01-01' },
  ])],
  ['child', rows([
    { child_id: 'C1', date_of_birth: '2015-06-10', sex: 'F', ethnicity: 'WBRI' },
    { child_id: 'C2', date_of_birth: '2012-02-29', sex: 'M', ethnicity: 'WBRI' },
    { child_id: 'C3', date_of_birth: '2020-01-15', sex: 'F', ethnicity: 'MWBA' },
    { child_id: 'C4', date_of_birth: '2008-09-01', sex: 'M', ethnicity: 'WBRI' },
    { child_id: 'C5', date_of_birth: '2010-03-31', sex: 'F', ethnicity: 'AIND' },
    { child_id: 'C6', date_of_birth: '2004-04-10', sex: 'M', ethnicity: 'WBRI' },
    { child_id: 'C7', date_of_birth: '2003-07-01', sex: 'F', ethnicity: 'WBRI' },
    { child_id: 'C8', date_of_birth: '2018-05-05', sex: 'M', ethnicity: 'WBRI' },
    { child_id: 'C9', date_of_birth: '2019-08-08', sex: 'F', ethnicity: 'WBRI' },
    { child_id: 'C10', date_of_birth: '2007-06-01', sex: 'M', ethnicity: 'OOTH', uasc: true },
    { child_id: 'C11', date_of_birth: '2006-01-20', sex: 'F', ethnicity: 'WBRI' },
    { child_id: 'C12', date_of_birth: '2005-05-05', sex: 'M', ethnicity: 'WBRI' },
    { child_id: 'C13', date_of_birth: '2020-03-01', sex: 'M', ethnicity: 'WBRI' },
  ])],
  ['referral', rows([
    { referral_id: 'R0', child_id: 'C1', referral_date: '2022-10-01', source: '1A', closure_date: '2023-01-10', closure_reason: 'RC1' },
    { referral_id: 'R1', child_id: 'C1', referral_date: '2023-04-01', source: '3A', team_id: 'T1', worker_id: 'W1', closure_date: '2024-03-31', closure_reason: 'RC1' },
    { referral_id: 'R2', child_id: 'C1', referral_date: '2023-04-01', source: '2A', team_id: 'T1', nfa: true, closure_date: '2023-04-01', closure_reason: 'RC1' },
    { referral_id: 'R3', child_id: 'C2', referral_date: '2023-06-05', source: '6', team_id: 'T2' },
    { referral_id: 'R4', child_id: 'C4', referral_date: '2022-01-15', source: '4', team_id: 'T2' },
    { referral_id: 'R5', child_id: 'C3', referral_date: '2023-09-01', source: '1B', team_id: 'T1', closure_date: '2023-10-01', closure_reason: 'RC8' },
    { referral_id: 'R6', child_id: 'C3', referral_date: '2023-09-01', source: '9', team_id: 'T1', nfa: true, closure_date: '2023-09-01', closure_reason: 'RC9' },
    { referral_id: 'R7', child_id: 'C5', referral_date: '2023-03-31', source: '5A', team_id: 'T2' },
    { referral_id: 'R8', child_id: 'C2', referral_date: '2024-02-29', source: '3B', team_id: 'T2' },
    { referral_id: 'R9', child_id: 'C6', referral_date: '2024-03-31', source: '10' },
  ])],
  ['contact', rows([
    { contact_id: 'K1', child_id: 'C1', contact_date: '2023-04-01', source: '3A', outcome: 'referral', referral_id: 'R1' },
    { contact_id: 'K2', child_id: 'C2', contact_date: '2023-06-01', source: '6' },
    { contact_id: 'K3', child_id: 'C3', contact_date: '2024-03-31', source: '9' },
    { contact_id: 'K4', child_id: 'C3', contact_date: '2023-03-31', source: '9' },
  ])],
  ['early_help_assessment', rows([
    { early_help_id: 'EH1', child_id: 'C1', start_date: '2023-05-01', completion_date: '2023-08-01' },
    { early_help_id: 'EH2', child_id: 'C3', start_date: '2024-03-31' },
    { early_help_id: 'EH3', child_id: 'C4', start_date: '2022-12-01', completion_date: '2024-03-31' },
  ])],
  ['assessment', rows([
    { assessment_id: 'A1', referral_id: 'R1', child_id: 'C1', start_date: '2023-04-03', authorised_date: '2023-06-05', child_seen: true, team_id: 'T1' },
    { assessment_id: 'A2', referral_id: 'R3', child_id: 'C2', start_date: '2023-11-01', authorised_date: '2024-01-08', child_seen: true, team_id: 'T2' },
    { assessment_id: 'A3', referral_id: 'R5', child_id: 'C3', start_date: '2023-09-01', authorised_date: '2023-09-01', child_seen: false, team_id: 'T1' },
    { assessment_id: 'A4', referral_id: 'R8', child_id: 'C2', start_date: '2024-02-29', team_id: 'T2' },
    { assessment_id: 'A5', referral_id: 'R4', child_id: 'C4', start_date: '2022-02-01', team_id: 'T2' },
    { assessment_id: 'A6', referral_id: 'R7', child_id: 'C5', start_date: '2023-04-03', authorised_date: '2023-07-20', child_seen: true, team_id: 'T2' },
    { assessment_id: 'A7', referral_id: 'R0', child_id: 'C1', start_date: '2022-10-02', authorised_date: '2022-11-01', child_seen: true },
  ])],
  ['assessment_factor', rows([
    { assessment_id: 'A1', factor: '2A' }, { assessment_id: 'A1', factor: '3A' },
    { assessment_id: 'A2', factor: '3A' }, { assessment_id: 'A6', factor: '3A' },
  ])],
  ['cin_plan', rows([
    { cin_plan_id: 'CINP1', referral_id: 'R3', child_id: 'C2', start_date: '2023-07-01', end_date: '2023-12-20' },
    { cin_plan_id: 'CINP2', referral_id: 'R4', child_id: 'C4', start_date: '2022-03-01' },
    { cin_plan_id: 'CINP3', referral_id: 'R1', child_id: 'C1', start_date: '2024-03-01', end_date: '2024-03-31' },
    { cin_plan_id: 'CINP4', referral_id: 'R9', child_id: 'C6', start_date: '2024-03-31' },
  ])],
  ['strategy_discussion', rows([
    { strategy_id: 'SD1', referral_id: 'R7', child_id: 'C5', discussion_date: '2023-04-20' },
    { strategy_id: 'SD2', referral_id: 'R3', child_id: 'C2', discussion_date: '2023-11-20' },
  ])],
  ['s47_enquiry', rows([
    { s47_id: 'S1', referral_id: 'R7', child_id: 'C5', strategy_id: 'SD1', start_date: '2023-04-20', end_date: '2023-05-10', team_id: 'T2' },
    { s47_id: 'S2', referral_id: 'R3', child_id: 'C2', strategy_id: 'SD2', start_date: '2023-11-20', team_id: 'T2' },
    { s47_id: 'S3', referral_id: 'R5', child_id: 'C3', start_date: '2023-09-01', end_date: '2023-09-15', team_id: 'T1' },
    { s47_id: 'S4', referral_id: 'R0', child_id: 'C1', start_date: '2022-10-20', end_date: '2022-11-01' },
  ])],
  ['cp_plan', rows([
    { cp_plan_id: 'CPP0', child_id: 'C2', referral_id: 'R3', start_date: '2020-01-10', end_date: '2021-06-01', initial_category: 'NEG', latest_category: 'NEG' },
    { cp_plan_id: 'CPP1', child_id: 'C5', referral_id: 'R7', start_date: '2023-05-15', initial_category: 'NEG', latest_category: 'EMO' },
    { cp_plan_id: 'CPP2', child_id: 'C2', referral_id: 'R3', start_date: '2023-12-20', end_date: '2024-03-31', initial_category: 'PHY', latest_category: 'PHY' },
    { cp_plan_id: 'CPP3', child_id: 'C4', referral_id: 'R4', start_date: '2021-03-31', initial_category: 'MUL', latest_category: 'NEG' },
    { cp_plan_id: 'CPP4', child_id: 'C1', referral_id: 'R0', start_date: '2022-01-05', end_date: '2024-01-05', initial_category: 'SAB', latest_category: 'SAB' },
  ])],
  ['cp_conference', rows([
    { conference_id: 'CF1', child_id: 'C5', referral_id: 'R7', conference_type: 'initial', s47_id: 'S1', cp_plan_id: 'CPP1', conference_date: '2023-05-15', plan_decided: true },
    { conference_id: 'CF2', child_id: 'C2', referral_id: 'R3', conference_type: 'initial', s47_id: 'S2', cp_plan_id: 'CPP2', conference_date: '2023-12-20', plan_decided: true },
    { conference_id: 'CF3', child_id: 'C3', referral_id: 'R5', conference_type: 'initial', conference_date: '2023-09-20', plan_decided: false },
    ...[['RV11', 'CPP1', 'C5', 'R7', '2023-08-15'], ['RV12', 'CPP1', 'C5', 'R7', '2024-02-14'],
      ...['2021-06-30', '2021-12-30', '2022-06-30', '2023-01-05', '2023-07-01', '2023-12-20'].map((d, i) => [`RV3${i}`, 'CPP3', 'C4', 'R4', d])]
      .map(([id, plan, child, ref, d]) => ({ conference_id: id, child_id: child, referral_id: ref, conference_type: 'review', cp_plan_id: plan, conference_date: d, plan_decided: true })),
  ])],
  ['core_group', rows([
    { meeting_id: 'G1', cp_plan_id: 'CPP1', child_id: 'C5', meeting_date: '2023-05-26' },
    { meeting_id: 'G2', cp_plan_id: 'CPP2', child_id: 'C2', meeting_date: '2024-01-09' },
  ])],
  ['visit', rows([
    { visit_id: 'V1', child_id: 'C5', context: 'cp', visit_date: '2024-03-15', seen: true },
    { visit_id: 'V2', child_id: 'C4', context: 'cp', visit_date: '2024-03-13', seen: true },
    { visit_id: 'V3', child_id: 'C4', context: 'cp', visit_date: '2024-03-20', seen: false },
    { visit_id: 'V4', child_id: 'C4', context: 'cin', visit_date: '2024-02-20', seen: true },
    { visit_id: 'V5', child_id: 'C5', context: 'cla', visit_date: '2024-03-01', seen: true },
    { visit_id: 'V6', child_id: 'C4', context: 'cla', visit_date: '2024-02-01', seen: true },
    { visit_id: 'V7', child_id: 'C10', context: 'cla', visit_date: '2024-02-15', seen: true },
  ])],
  ['emergency_protection', rows([
    { protection_id: 'PP1', child_id: 'C10', protection_type: 'police_protection', start_date: '2024-01-09', end_date: '2024-01-10' },
    { protection_id: 'PP2', child_id: 'C5', protection_type: 'police_protection', start_date: '2023-05-30', end_date: '2023-05-31' },
    { protection_id: 'PP3', child_id: 'C5', protection_type: 'police_protection', start_date: '2023-05-31', end_date: '2023-06-01' },
    { protection_id: 'EPO1', child_id: 'C5', protection_type: 'epo', start_date: '2023-06-01', end_date: '2023-06-08' },
  ])],
  ['care_period', rows([
    { period_id: 'CP1', child_id: 'C5', referral_id: 'R7', start_date: '2023-06-01' },
    { period_id: 'CP2', child_id: 'C4', start_date: '2020-09-01' },
    { period_id: 'CP3', child_id: 'C8', start_date: '2021-05-01', end_date: '2023-08-10' },
    { period_id: 'CP4', child_id: 'C9', start_date: '2020-02-10', end_date: '2024-02-29' },
    { period_id: 'CP5', child_id: 'C3', start_date: '2023-07-01' },
    { period_id: 'CP6', child_id: 'C1', start_date: '2022-06-01', end_date: '2023-02-01' },
    { period_id: 'CP7', child_id: 'C1', start_date: '2023-11-15' },
    { period_id: 'CP8', child_id: 'C10', start_date: '2024-01-10' },
    { period_id: 'CP9', child_id: 'C6', start_date: '2019-01-01', end_date: '2022-04-10' },
    { period_id: 'CP10', child_id: 'C13', start_date: '2021-06-01', end_date: '2022-09-01' },
  ])],
  ['cla_episode', rows([
    { episode_id: 'E1', child_id: 'C5', period_id: 'CP1', decom: '2023-06-01', rne: 'S', legal_status: 'C1', cin_category: 'N1', place: 'U3', dec: '2023-09-01', rec: 'X1' },
    { episode_id: 'E2', child_id: 'C5', period_id: 'CP1', decom: '2023-09-01', rne: 'P', legal_status: 'C1', cin_category: 'N1', place: 'K2', dec: '2023-12-01', rec: 'X1' },
    { episode_id: 'E3', child_id: 'C5', period_id: 'CP1', decom: '2023-12-01', rne: 'L', legal_status: 'C2', cin_category: 'N1', place: 'K2', pl_distance_miles: 25, pl_la: '931' },
    { episode_id: 'E4', child_id: 'C4', period_id: 'CP2', decom: '2020-09-01', rne: 'S', legal_status: 'C2', cin_category: 'N1', place: 'U1', dec: '2021-03-01', rec: 'X1' },
    { episode_id: 'E5', child_id: 'C4', period_id: 'CP2', decom: '2021-03-01', rne: 'P', legal_status: 'C2', cin_category: 'N1', place: 'U3', pl_distance_miles: 5 },
    { episode_id: 'E6', child_id: 'C8', period_id: 'CP3', decom: '2021-05-01', rne: 'S', legal_status: 'C2', cin_category: 'N1', place: 'U1', dec: '2022-11-01', rec: 'X1' },
    { episode_id: 'E7', child_id: 'C8', period_id: 'CP3', decom: '2022-11-01', rne: 'B', legal_status: 'E1', cin_category: 'N1', place: 'A4', dec: '2023-08-10', rec: 'E11' },
    { episode_id: 'E8', child_id: 'C9', period_id: 'CP4', decom: '2020-02-10', rne: 'S', legal_status: 'C2', cin_category: 'N1', place: 'U1', dec: '2020-07-01', rec: 'X1' },
    { episode_id: 'E9', child_id: 'C9', period_id: 'CP4', decom: '2020-07-01', rne: 'P', legal_status: 'C2', cin_category: 'N1', place: 'U3', dec: '2022-05-01', rec: 'X1' },
    { episode_id: 'E10', child_id: 'C9', period_id: 'CP4', decom: '2022-05-01', rne: 'U', legal_status: 'E1', cin_category: 'N1', place: 'A3', dec: '2024-02-29', rec: 'E12' },
    { episode_id: 'E11', child_id: 'C3', period_id: 'CP5', decom: '2023-07-01', rne: 'S', legal_status: 'V3', cin_category: 'N2', place: 'U1' },
    { episode_id: 'E12', child_id: 'C1', period_id: 'CP6', decom: '2022-06-01', rne: 'S', legal_status: 'V2', cin_category: 'N1', place: 'U1', dec: '2023-02-01', rec: 'E13' },
    { episode_id: 'E13', child_id: 'C1', period_id: 'CP7', decom: '2023-11-15', rne: 'S', legal_status: 'V2', cin_category: 'N1', place: 'U1' },
    { episode_id: 'E14', child_id: 'C10', period_id: 'CP8', decom: '2024-01-10', rne: 'S', legal_status: 'V2', cin_category: 'N1', place: 'K2', dec: '2024-02-01', rec: 'X1' },
    { episode_id: 'E15', child_id: 'C10', period_id: 'CP8', decom: '2024-02-01', rne: 'P', legal_status: 'V2', cin_category: 'N1', place: 'U1', dec: '2024-03-26', rec: 'X1' },
    { episode_id: 'E16', child_id: 'C10', period_id: 'CP8', decom: '2024-03-26', rne: 'B', legal_status: 'V2', cin_category: 'N1', place: 'U3', pl_distance_miles: 50, pl_la: '999' },
    { episode_id: 'E17', child_id: 'C6', period_id: 'CP9', decom: '2019-01-01', rne: 'S', legal_status: 'C2', cin_category: 'N1', place: 'U1', dec: '2022-04-10', rec: 'E8' },
    { episode_id: 'E18', child_id: 'C13', period_id: 'CP10', decom: '2021-06-01', rne: 'S', legal_status: 'C2', cin_category: 'N1', place: 'U1', dec: '2021-09-01', rec: 'X1' },
    { episode_id: 'E19', child_id: 'C13', period_id: 'CP10', decom: '2021-09-01', rne: 'B', legal_status: 'E1', cin_category: 'N1', place: 'A4', dec: '2022-09-01', rec: 'E11' },
  ])],
  ['cla_review', rows([
    { review_id: 'L1', child_id: 'C5', period_id: 'CP1', review_date: '2023-06-29' },
    { review_id: 'L2', child_id: 'C5', period_id: 'CP1', review_date: '2023-09-30' },
    { review_id: 'L3', child_id: 'C5', period_id: 'CP1', review_date: '2024-03-29' },
    ...['2020-09-28', '2020-12-28', '2021-06-28', '2021-12-28', '2022-06-28', '2022-12-28', '2023-06-28', '2023-12-29']
      .map((d, i) => ({ review_id: `L4${i}`, child_id: 'C4', period_id: 'CP2', review_date: d })),
    { review_id: 'L5', child_id: 'C10', period_id: 'CP8', review_date: '2024-02-07' },
  ])],
  ['missing_episode', rows([
    { missing_id: 'M1', child_id: 'C5', missing_type: 'M', start_date: '2023-07-01', end_date: '2023-07-02', return_interview_offered: true, return_interview_date: '2023-07-05' },
    { missing_id: 'M2', child_id: 'C5', missing_type: 'M', start_date: '2023-08-01', end_date: '2023-08-01', return_interview_offered: false },
    { missing_id: 'M3', child_id: 'C5', missing_type: 'M', start_date: '2023-09-10', end_date: '2023-09-12', return_interview_offered: true, return_interview_date: '2023-09-16' },
    { missing_id: 'M4', child_id: 'C5', missing_type: 'M', start_date: '2023-10-01', end_date: '2023-10-03', return_interview_offered: true },
    { missing_id: 'M5', child_id: 'C5', missing_type: 'M', start_date: '2023-11-01', end_date: '2023-11-02' },
    { missing_id: 'M6', child_id: 'C10', missing_type: 'M', start_date: '2024-03-30', end_date: '2024-04-02' },
    { missing_id: 'M7', child_id: 'C4', missing_type: 'A', start_date: '2023-12-01', end_date: '2023-12-01', return_interview_offered: true, return_interview_date: '2023-12-02' },
  ])],
  ['cla_outcome', rows([
    { child_id: 'C4', collection_year: 2024, health_check: true, teeth_check: true, immunisations: false, sdq_score: 18, convicted: false },
    { child_id: 'C9', collection_year: 2024, health_check: false, health_assessment: true, teeth_check: true, immunisations: true },
    { child_id: 'C10', collection_year: 2024, health_check: true, teeth_check: false, immunisations: true, convicted: true },
  ])],
  ['adoption_decision', rows([
    { decision_id: 'AD1', child_id: 'C8', decision_date: '2022-06-01', placement_order_date: '2022-09-01', matched_date: '2022-10-15', placed_date: '2022-11-01' },
    { decision_id: 'AD2', child_id: 'C9', decision_date: '2022-03-01', placement_order_date: '2022-04-20', matched_date: '2022-04-10', placed_date: '2022-05-01' },
    { decision_id: 'AD3', child_id: 'C13', decision_date: '2021-07-01', placement_order_date: '2021-08-01', matched_date: '2021-08-20', placed_date: '2021-09-01' },
    { decision_id: 'AD4', child_id: 'C4', decision_date: '2023-01-10', placed_date: '2024-01-10' },
    { decision_id: 'AD5', child_id: 'C5', decision_date: '2023-06-01', placed_date: '2023-12-01' },
  ])],
  ['adoption', rows([
    { child_id: 'C8', adoption_order_date: '2023-08-10', decision_date: '2022-06-01', matched_date: '2022-10-15', placed_date: '2022-11-01', by_foster_carer: false, number_of_adopters: 2, sex_of_adopters: 'MF', legal_status_of_adopters: 'L11' },
    { child_id: 'C9', adoption_order_date: '2024-02-29', decision_date: '2022-03-01', matched_date: '2022-04-10', placed_date: '2022-05-01', by_foster_carer: true, number_of_adopters: 2, sex_of_adopters: 'MF', legal_status_of_adopters: 'L11' },
    { child_id: 'C13', adoption_order_date: '2022-09-01', decision_date: '2021-07-01', matched_date: '2021-08-20', placed_date: '2021-09-01', by_foster_carer: false, number_of_adopters: 1, sex_of_adopters: 'F1', legal_status_of_adopters: 'L2' },
  ])],
  ['care_leaver', rows([
    { child_id: 'C6', collection_year: 2024, in_touch: 'YES', activity: 'F1', accommodation: 'Z1', pathway_plan_review_date: '2023-11-01' },
    { child_id: 'C7', collection_year: 2024, in_touch: 'NO', activity: '0', accommodation: '0', pathway_plan_review_date: '2023-06-01' },
    { child_id: 'C11', collection_year: 2024, in_touch: 'YES', activity: 'G6', accommodation: 'R2', pathway_plan_review_date: '2024-03-31' },
    { child_id: 'C12', collection_year: 2024, in_touch: 'DIED' },
  ])],
  ['allocation', rows([
    { allocation_id: 'AL1', child_id: 'C5', worker_id: 'W1', allocation_role: 'allocated_worker', start_date: '2023-06-01', end_date: '2023-09-01' },
    { allocation_id: 'AL2', child_id: 'C5', worker_id: 'W2', allocation_role: 'allocated_worker', start_date: '2023-09-01', end_date: '2024-01-01' },
    { allocation_id: 'AL3', child_id: 'C5', worker_id: 'W3', allocation_role: 'allocated_worker', start_date: '2024-01-01' },
    { allocation_id: 'AL4', child_id: 'C4', worker_id: 'W1', allocation_role: 'allocated_worker', start_date: '2020-09-01' },
    { allocation_id: 'AL5', child_id: 'C1', worker_id: 'W2', allocation_role: 'allocated_worker', start_date: '2023-11-15' },
    { allocation_id: 'AL6', child_id: 'C2', worker_id: 'W1', allocation_role: 'allocated_worker', start_date: '2023-06-05' },
    { allocation_id: 'AL7', child_id: 'C6', worker_id: 'W3', allocation_role: 'iro', start_date: '2024-03-31' },
  ])],
];

/** Loads the crafted authority into a migrated database, all or nothing (under another code for a second copy). */
export async function loadCraftedAuthority(db: Kysely<Database>, laCode = la): Promise<void> {
  await addAuthority(db, { laCode, name: 'Crafted test authority' });
  await db.transaction().execute(async (trx) => {
    for (const [table, list] of craftedRecords) {
      await writeRecords(trx, table, list.map((r) => ({ ...DEFAULTS[table], ...r, la_code: laCode })));
    }
  });
}
