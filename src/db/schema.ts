import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely's view of the canonical tables (see migrations/0001-canonical-model.ts).
 * Dates are ISO strings 'YYYY-MM-DD' on both databases (type parsers set in connect.ts).
 */
type IsoDate = string;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | T | undefined, string | T>;

interface Batched {
  batch_id: number | null;
}

export interface LocalAuthorityTable {
  la_code: string;
  name: string;
  region_code: string | null;
  region_name: string | null;
  created_at: Timestamp;
}

export interface LaPopulationTable {
  la_code: string;
  year: number;
  age_band: Defaulted<string>;
  population: number;
  source: Defaulted<string>;
}

export interface ImportBatchTable {
  la_code: string;
  batch_id: Generated<number>;
  format: string;
  file_name: string;
  file_hash: string;
  collection_year: number | null;
  imported_by: string;
  started_at: Timestamp;
  finished_at: Date | string | null;
  status: Defaulted<'running' | 'loaded' | 'failed' | 'superseded'>;
  row_counts: Json<Record<string, number>>;
}

export interface TeamTable extends Batched {
  la_code: string;
  team_id: string;
  name: string;
  team_type: string;
  service: string | null;
  locality: string | null;
  parent_team_id: string | null;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
}

export interface WorkerTable extends Batched {
  la_code: string;
  worker_id: string;
  role: string;
  team_id: string | null;
  fte: number;
  contract: Defaulted<string>;
  registration_no: string | null;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

export interface ChildTable extends Batched {
  la_code: string;
  child_id: string;
  date_of_birth: IsoDate | null;
  expected_dob: IsoDate | null;
  sex: string;
  ethnicity: string;
  uasc: Defaulted<boolean>;
  uasc_ceased: IsoDate | null;
  is_mother: boolean | null;
  mother_child_dob: IsoDate | null;
  death_date: IsoDate | null;
  household_id: string | null;
}

export interface ChildIdentityTable extends Batched {
  la_code: string;
  child_id: string;
  upn: string | null;
  former_upn: string | null;
  upn_unknown: string | null;
  forename: string | null;
  surname: string | null;
  home_postcode: string | null;
}

export interface ChildDisabilityTable extends Batched {
  la_code: string;
  child_id: string;
  disability: string;
}

export interface EarlyHelpAssessmentTable extends Batched {
  la_code: string;
  early_help_id: string;
  child_id: string;
  start_date: IsoDate;
  completion_date: IsoDate | null;
  organisation: string | null;
}

export interface ContactTable extends Batched {
  la_code: string;
  contact_id: string;
  child_id: string;
  contact_date: IsoDate;
  source: string;
  outcome: string | null;
  referral_id: string | null;
}

export interface ReferralTable extends Batched {
  la_code: string;
  referral_id: string;
  child_id: string;
  referral_date: IsoDate;
  source: string;
  primary_need: string | null;
  nfa: Defaulted<boolean>;
  closure_date: IsoDate | null;
  closure_reason: string | null;
  team_id: string | null;
  worker_id: string | null;
}

export interface AssessmentTable extends Batched {
  la_code: string;
  assessment_id: string;
  referral_id: string;
  child_id: string;
  start_date: IsoDate;
  authorised_date: IsoDate | null;
  child_seen: boolean | null;
  outcome_further_action: boolean | null;
  team_id: string | null;
  worker_id: string | null;
}

export interface AssessmentFactorTable extends Batched {
  la_code: string;
  assessment_id: string;
  factor: string;
}

export interface CinPlanTable extends Batched {
  la_code: string;
  cin_plan_id: string;
  referral_id: string;
  child_id: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
  team_id: string | null;
  worker_id: string | null;
}

export interface StrategyDiscussionTable extends Batched {
  la_code: string;
  strategy_id: string;
  referral_id: string;
  child_id: string;
  discussion_date: IsoDate;
  s47_initiated: Defaulted<boolean>;
}

export interface S47EnquiryTable extends Batched {
  la_code: string;
  s47_id: string;
  referral_id: string;
  child_id: string;
  strategy_id: string | null;
  start_date: IsoDate;
  end_date: IsoDate | null;
  icpc_target_date: IsoDate | null;
  icpc_not_required: Defaulted<boolean>;
  team_id: string | null;
  worker_id: string | null;
}

export interface CpConferenceTable extends Batched {
  la_code: string;
  conference_id: string;
  child_id: string;
  referral_id: string;
  conference_type: 'initial' | 'review' | 'transfer_in';
  s47_id: string | null;
  cp_plan_id: string | null;
  conference_date: IsoDate;
  plan_decided: boolean | null;
}

export interface CpPlanTable extends Batched {
  la_code: string;
  cp_plan_id: string;
  child_id: string;
  referral_id: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
  initial_category: string;
  latest_category: string;
  other_la: Defaulted<boolean>;
  /** Plans before this one as a return reported them (CIN census NumberOfPreviousCPP); null: count the plans held. */
  previous_plans: Defaulted<number | null>;
}

export interface CoreGroupTable extends Batched {
  la_code: string;
  meeting_id: string;
  cp_plan_id: string;
  child_id: string;
  meeting_date: IsoDate;
}

export interface VisitTable extends Batched {
  la_code: string;
  visit_id: string;
  child_id: string;
  context: 'cin' | 'cp' | 'cla';
  visit_date: IsoDate;
  seen: Defaulted<boolean>;
  seen_alone: boolean | null;
  worker_id: string | null;
}

export interface EmergencyProtectionTable extends Batched {
  la_code: string;
  protection_id: string;
  child_id: string;
  protection_type: 'police_protection' | 'epo';
  start_date: IsoDate;
  end_date: IsoDate | null;
}

export interface CarePeriodTable extends Batched {
  la_code: string;
  period_id: string;
  child_id: string;
  referral_id: string | null;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

export interface ClaEpisodeTable extends Batched {
  la_code: string;
  episode_id: string;
  child_id: string;
  period_id: string;
  decom: IsoDate;
  rne: string;
  legal_status: string;
  cin_category: string;
  place: string;
  place_provider: string | null;
  urn: string | null;
  pl_post: string | null;
  home_post: string | null;
  pl_distance_miles: number | null;
  pl_la: string | null;
  dec: IsoDate | null;
  rec: string | null;
  reason_place_change: string | null;
}

export interface ClaReviewTable extends Batched {
  la_code: string;
  review_id: string;
  child_id: string;
  period_id: string | null;
  review_date: IsoDate;
  participation: string | null;
}

export interface PermanencePlanTable extends Batched {
  la_code: string;
  plan_id: string;
  child_id: string;
  plan: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

export interface HealthCheckTable extends Batched {
  la_code: string;
  check_id: string;
  child_id: string;
  check_type: 'health_assessment' | 'dental' | 'development';
  check_date: IsoDate;
}

export interface ClaOutcomeTable extends Batched {
  la_code: string;
  child_id: string;
  collection_year: number;
  sdq_score: number | null;
  sdq_reason: string | null;
  convicted: boolean | null;
  health_check: boolean | null;
  immunisations: boolean | null;
  teeth_check: boolean | null;
  health_assessment: boolean | null;
  substance_misuse: boolean | null;
  intervention_received: boolean | null;
  intervention_offered: boolean | null;
}

export interface MissingEpisodeTable extends Batched {
  la_code: string;
  missing_id: string;
  child_id: string;
  missing_type: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
  return_interview_offered: boolean | null;
  return_interview_accepted: boolean | null;
  return_interview_date: IsoDate | null;
}

export interface AdoptionDecisionTable extends Batched {
  la_code: string;
  decision_id: string;
  child_id: string;
  decision_date: IsoDate;
  placement_order_date: IsoDate | null;
  matched_date: IsoDate | null;
  placed_date: IsoDate | null;
  ffa_placed_date: IsoDate | null;
  reversed_date: IsoDate | null;
  reversed_reason: string | null;
}

export interface AdoptionTable extends Batched {
  la_code: string;
  child_id: string;
  adoption_order_date: IsoDate;
  decision_date: IsoDate;
  matched_date: IsoDate;
  placed_date: IsoDate | null;
  by_foster_carer: boolean;
  number_of_adopters: number;
  sex_of_adopters: string;
  legal_status_of_adopters: string;
  adopter_household_id: string | null;
}

export interface PreviousPermanenceTable extends Batched {
  la_code: string;
  child_id: string;
  collection_year: number;
  option: string;
  arranged_by_la: string | null;
  order_date_text: string | null;
}

export interface CareLeaverTable extends Batched {
  la_code: string;
  child_id: string;
  collection_year: number;
  eligibility: string | null;
  in_touch: string;
  latest_contact_date: IsoDate | null;
  activity: string | null;
  accommodation: string | null;
  pathway_plan_review_date: IsoDate | null;
  personal_adviser_id: string | null;
}

export interface AdopterHouseholdTable extends Batched {
  la_code: string;
  household_id: string;
  enquiry_date: IsoDate | null;
  stage1_start_date: IsoDate | null;
  stage1_end_date: IsoDate | null;
  stage2_start_date: IsoDate | null;
  stage2_end_date: IsoDate | null;
  application_date: IsoDate | null;
  approval_date: IsoDate | null;
  number_of_adopters: number | null;
  withdrawn_date: IsoDate | null;
  withdrawn_reason: string | null;
}

export interface AllocationTable extends Batched {
  la_code: string;
  allocation_id: string;
  child_id: string;
  worker_id: string;
  allocation_role: string;
  referral_id: string | null;
  period_id: string | null;
  start_date: IsoDate;
  end_date: IsoDate | null;
  change_reason: string | null;
}

export interface PlacementCostTable {
  la_code: string;
  placement_type: string;
  provider: Defaulted<string>;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  weekly_cost: number;
  source: string;
}

/** The canonical tables of migration 0001. */
export interface CoreDatabase {
  local_authority: LocalAuthorityTable;
  la_population: LaPopulationTable;
  import_batch: ImportBatchTable;
  team: TeamTable;
  worker: WorkerTable;
  child: ChildTable;
  child_identity: ChildIdentityTable;
  child_disability: ChildDisabilityTable;
  early_help_assessment: EarlyHelpAssessmentTable;
  contact: ContactTable;
  referral: ReferralTable;
  assessment: AssessmentTable;
  assessment_factor: AssessmentFactorTable;
  cin_plan: CinPlanTable;
  strategy_discussion: StrategyDiscussionTable;
  s47_enquiry: S47EnquiryTable;
  cp_conference: CpConferenceTable;
  cp_plan: CpPlanTable;
  core_group: CoreGroupTable;
  visit: VisitTable;
  emergency_protection: EmergencyProtectionTable;
  care_period: CarePeriodTable;
  cla_episode: ClaEpisodeTable;
  cla_review: ClaReviewTable;
  permanence_plan: PermanencePlanTable;
  health_check: HealthCheckTable;
  cla_outcome: ClaOutcomeTable;
  missing_episode: MissingEpisodeTable;
  adoption_decision: AdoptionDecisionTable;
  adoption: AdoptionTable;
  previous_permanence: PreviousPermanenceTable;
  care_leaver: CareLeaverTable;
  adopter_household: AdopterHouseholdTable;
  allocation: AllocationTable;
  placement_cost: PlacementCostTable;
}

/**
 * Every table Kysely knows: the canonical ones plus those other capabilities add by
 * augmenting this interface from their own folders (see docs/architecture.md).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database extends CoreDatabase {}

export type TableName = keyof Database;
/** Canonical tables: the ones with record rules in src/model/records and written by writeRecords. */
export type CoreTableName = keyof CoreDatabase;
