import type { CoreTableName } from '../../db/schema.js';

/**
 * What a valid row of each canonical table looks like, declared once. The database repeats
 * the structural guards (keys, required values, date order); these rules add code lists and
 * let errors name the column, the value and the rule in words a data officer understands.
 */
export type ColumnKind = 'id' | 'text' | 'date' | 'boolean' | 'integer' | 'number';

export interface ColumnRule {
  kind: ColumnKind;
  required?: boolean;
  /** Code list id in src/model/code-lists (e.g. '903.PLACE'). */
  codeList?: string;
  maxLength?: number;
  min?: number;
  max?: number;
}

export interface DateOrderRule {
  /** The earlier date column. */
  from: string;
  /** The later date column (checked only when both are present). */
  to: string;
  /** True when the two may not fall on the same day. */
  strict?: boolean;
}

export interface TableRules {
  columns: Record<string, ColumnRule>;
  dateOrder?: DateOrderRule[];
  /** Columns that are both present or both absent. */
  together?: [string, string][];
}

const id: ColumnRule = { kind: 'id', required: true, maxLength: 48 };
const optionalId: ColumnRule = { kind: 'id', maxLength: 48 };
const date: ColumnRule = { kind: 'date', required: true };
const optionalDate: ColumnRule = { kind: 'date' };
const flag: ColumnRule = { kind: 'boolean' };
const text = (maxLength = 200): ColumnRule => ({ kind: 'text', maxLength });
const code = (codeList: string, required = true): ColumnRule => ({ kind: 'text', codeList, required, maxLength: 40 });
const batch: ColumnRule = { kind: 'integer', min: 1 };
const collectionYear: ColumnRule = { kind: 'integer', required: true, min: 1990, max: 2100 };

export const tableRules: Record<CoreTableName, TableRules> = {
  local_authority: {
    columns: { la_code: { kind: 'id', required: true, maxLength: 3 }, name: { kind: 'text', required: true, maxLength: 200 }, region_code: text(20), region_name: text() },
  },
  la_population: {
    columns: { la_code: id, year: collectionYear, age_band: text(10), population: { kind: 'integer', required: true, min: 0 }, source: text() },
  },
  import_batch: {
    columns: { la_code: id, format: { ...text(40), required: true }, file_name: { ...text(400), required: true }, file_hash: { ...text(128), required: true }, imported_by: { ...text(), required: true } },
  },
  team: {
    columns: {
      la_code: id, team_id: id, name: { ...text(), required: true }, team_type: code('workforce.teamType'), service: text(), locality: text(),
      parent_team_id: optionalId, start_date: optionalDate, end_date: optionalDate, batch_id: batch,
    },
    dateOrder: [{ from: 'start_date', to: 'end_date' }],
  },
  worker: {
    columns: {
      la_code: id, worker_id: id, role: code('workforce.role'), team_id: optionalId, fte: { kind: 'number', required: true, min: 0.01, max: 1.5 },
      contract: code('workforce.contract', false), registration_no: text(20), start_date: date, end_date: optionalDate, batch_id: batch,
    },
    dateOrder: [{ from: 'start_date', to: 'end_date' }],
  },
  child: {
    columns: {
      la_code: id, child_id: id, date_of_birth: optionalDate, expected_dob: optionalDate, sex: code('cin.Sex'), ethnicity: code('cin.Ethnicity'),
      uasc: flag, uasc_ceased: optionalDate, is_mother: flag, mother_child_dob: optionalDate, death_date: optionalDate, household_id: optionalId, batch_id: batch,
    },
    dateOrder: [{ from: 'date_of_birth', to: 'death_date' }, { from: 'date_of_birth', to: 'uasc_ceased' }],
  },
  child_identity: {
    columns: {
      la_code: id, child_id: id, upn: text(13), former_upn: text(13), upn_unknown: code('cin.UPNunknown', false), forename: text(100), surname: text(100),
      home_postcode: text(10), batch_id: batch,
    },
  },
  child_disability: { columns: { la_code: id, child_id: id, disability: code('cin.Disability'), batch_id: batch } },
  early_help_assessment: {
    columns: { la_code: id, early_help_id: id, child_id: id, start_date: date, completion_date: optionalDate, organisation: text(), batch_id: batch },
    dateOrder: [{ from: 'start_date', to: 'completion_date' }],
  },
  contact: {
    columns: { la_code: id, contact_id: id, child_id: id, contact_date: date, source: code('cin.ReferralSource'), outcome: text(60), referral_id: optionalId, batch_id: batch },
  },
  referral: {
    columns: {
      la_code: id, referral_id: id, child_id: id, referral_date: date, source: code('cin.ReferralSource'), primary_need: code('cin.PrimaryNeedCode', false),
      nfa: flag, closure_date: optionalDate, closure_reason: code('cin.ReasonForClosure', false), team_id: optionalId, worker_id: optionalId, batch_id: batch,
    },
    dateOrder: [{ from: 'referral_date', to: 'closure_date' }],
    together: [['closure_date', 'closure_reason']],
  },
  assessment: {
    columns: {
      la_code: id, assessment_id: id, referral_id: id, child_id: id, start_date: date, authorised_date: optionalDate, child_seen: flag,
      outcome_further_action: flag, team_id: optionalId, worker_id: optionalId, batch_id: batch,
    },
    dateOrder: [{ from: 'start_date', to: 'authorised_date' }],
  },
  assessment_factor: { columns: { la_code: id, assessment_id: id, factor: code('cin.AssessmentFactors'), batch_id: batch } },
  cin_plan: {
    columns: { la_code: id, cin_plan_id: id, referral_id: id, child_id: id, start_date: date, end_date: optionalDate, team_id: optionalId, worker_id: optionalId, batch_id: batch },
    dateOrder: [{ from: 'start_date', to: 'end_date' }],
  },
  strategy_discussion: {
    columns: { la_code: id, strategy_id: id, referral_id: id, child_id: id, discussion_date: date, s47_initiated: flag, batch_id: batch },
  },
  s47_enquiry: {
    columns: {
      la_code: id, s47_id: id, referral_id: id, child_id: id, strategy_id: optionalId, start_date: date, end_date: optionalDate,
      icpc_target_date: optionalDate, icpc_not_required: flag, team_id: optionalId, worker_id: optionalId, batch_id: batch,
    },
    dateOrder: [{ from: 'start_date', to: 'end_date' }, { from: 'start_date', to: 'icpc_target_date' }],
  },
  cp_conference: {
    columns: {
      la_code: id, conference_id: id, child_id: id, referral_id: id, conference_type: code('local.conferenceType'), s47_id: optionalId,
      cp_plan_id: optionalId, conference_date: date, plan_decided: flag, batch_id: batch,
    },
  },
  cp_plan: {
    columns: {
      la_code: id, cp_plan_id: id, child_id: id, referral_id: id, start_date: date, end_date: optionalDate,
      initial_category: code('cin.CategoryOfAbuse'), latest_category: code('cin.CategoryOfAbuse'), other_la: flag,
      previous_plans: { kind: 'integer', min: 0, max: 99 }, batch_id: batch,
    },
    dateOrder: [{ from: 'start_date', to: 'end_date', strict: true }],
  },
  core_group: { columns: { la_code: id, meeting_id: id, cp_plan_id: id, child_id: id, meeting_date: date, batch_id: batch } },
  visit: {
    columns: { la_code: id, visit_id: id, child_id: id, context: code('local.visitContext'), visit_date: date, seen: flag, seen_alone: flag, worker_id: optionalId, batch_id: batch },
  },
  emergency_protection: {
    columns: { la_code: id, protection_id: id, child_id: id, protection_type: code('local.protectionType'), start_date: date, end_date: optionalDate, batch_id: batch },
    dateOrder: [{ from: 'start_date', to: 'end_date' }],
  },
  care_period: {
    columns: { la_code: id, period_id: id, child_id: id, referral_id: optionalId, start_date: date, end_date: optionalDate, batch_id: batch },
    dateOrder: [{ from: 'start_date', to: 'end_date' }],
  },
  cla_episode: {
    columns: {
      la_code: id, episode_id: id, child_id: id, period_id: id, decom: date, rne: code('903.RNE'), legal_status: code('903.LS'),
      cin_category: code('903.CIN'), place: code('903.PLACE'), place_provider: code('903.PLACE_PROVIDER', false), urn: text(8),
      pl_post: text(10), home_post: text(10), pl_distance_miles: { kind: 'number', min: 0, max: 99999 }, pl_la: text(10),
      dec: optionalDate, rec: code('903.REC', false), reason_place_change: code('903.REASON_PLACE_CHANGE', false), batch_id: batch,
    },
    dateOrder: [{ from: 'decom', to: 'dec' }],
    together: [['dec', 'rec']],
  },
  cla_review: {
    columns: { la_code: id, review_id: id, child_id: id, period_id: optionalId, review_date: date, participation: code('903.REVIEW_CODE', false), batch_id: batch },
  },
  permanence_plan: {
    columns: { la_code: id, plan_id: id, child_id: id, plan: code('local.permanencePlan'), start_date: date, end_date: optionalDate, batch_id: batch },
    dateOrder: [{ from: 'start_date', to: 'end_date' }],
  },
  health_check: {
    columns: { la_code: id, check_id: id, child_id: id, check_type: code('local.healthCheckType'), check_date: date, batch_id: batch },
  },
  cla_outcome: {
    columns: {
      la_code: id, child_id: id, collection_year: collectionYear, sdq_score: { kind: 'integer', min: 0, max: 40 }, sdq_reason: code('903.SDQ_REASON', false),
      convicted: flag, health_check: flag, immunisations: flag, teeth_check: flag, health_assessment: flag, substance_misuse: flag,
      intervention_received: flag, intervention_offered: flag, batch_id: batch,
    },
  },
  missing_episode: {
    columns: {
      la_code: id, missing_id: id, child_id: id, missing_type: code('903.MISSING'), start_date: date, end_date: optionalDate,
      return_interview_offered: flag, return_interview_accepted: flag, return_interview_date: optionalDate, batch_id: batch,
    },
    dateOrder: [{ from: 'start_date', to: 'end_date' }, { from: 'start_date', to: 'return_interview_date' }],
  },
  adoption_decision: {
    columns: {
      la_code: id, decision_id: id, child_id: id, decision_date: date, placement_order_date: optionalDate, matched_date: optionalDate,
      placed_date: optionalDate, ffa_placed_date: optionalDate, reversed_date: optionalDate, reversed_reason: code('903.REASON_PLACED_CEASED', false), batch_id: batch,
    },
    dateOrder: [{ from: 'decision_date', to: 'reversed_date' }, { from: 'decision_date', to: 'matched_date' }],
    together: [['reversed_date', 'reversed_reason']],
  },
  adoption: {
    columns: {
      la_code: id, child_id: id, adoption_order_date: date, decision_date: date, matched_date: date, placed_date: optionalDate,
      by_foster_carer: { kind: 'boolean', required: true }, number_of_adopters: { kind: 'integer', required: true, min: 1, max: 2 },
      sex_of_adopters: code('903.SEX_ADOPTR'), legal_status_of_adopters: code('903.LS_ADOPTR'), adopter_household_id: optionalId, batch_id: batch,
    },
    dateOrder: [{ from: 'decision_date', to: 'matched_date' }, { from: 'matched_date', to: 'adoption_order_date' }],
  },
  previous_permanence: {
    columns: { la_code: id, child_id: id, collection_year: collectionYear, option: code('903.PREV_PERM'), arranged_by_la: text(3), order_date_text: text(10), batch_id: batch },
  },
  care_leaver: {
    columns: {
      la_code: id, child_id: id, collection_year: collectionYear, eligibility: code('local.careLeaverEligibility', false), in_touch: code('903.IN_TOUCH'),
      latest_contact_date: optionalDate, activity: code('903.ACTIV', false), accommodation: code('903.ACCOM', false),
      pathway_plan_review_date: optionalDate, personal_adviser_id: optionalId, batch_id: batch,
    },
  },
  adopter_household: {
    columns: {
      la_code: id, household_id: id, enquiry_date: optionalDate, stage1_start_date: optionalDate, stage1_end_date: optionalDate,
      stage2_start_date: optionalDate, stage2_end_date: optionalDate, application_date: optionalDate, approval_date: optionalDate,
      number_of_adopters: { kind: 'integer', min: 1, max: 2 }, withdrawn_date: optionalDate, withdrawn_reason: text(), batch_id: batch,
    },
    dateOrder: [{ from: 'stage1_start_date', to: 'stage1_end_date' }, { from: 'stage2_start_date', to: 'stage2_end_date' }],
  },
  allocation: {
    columns: {
      la_code: id, allocation_id: id, child_id: id, worker_id: id, allocation_role: code('workforce.allocationRole'), referral_id: optionalId,
      period_id: optionalId, start_date: date, end_date: optionalDate, change_reason: code('903.SW_REASON', false), batch_id: batch,
    },
    dateOrder: [{ from: 'start_date', to: 'end_date' }],
  },
  placement_cost: {
    columns: {
      la_code: id, placement_type: { ...text(40), required: true }, provider: text(40), valid_from: date, valid_to: optionalDate,
      weekly_cost: { kind: 'number', required: true, min: 0, max: 1_000_000 }, source: { ...text(400), required: true },
    },
    dateOrder: [{ from: 'valid_from', to: 'valid_to' }],
  },
};
