import { sql, type Kysely } from 'kysely';

/**
 * The canonical CSC model. Every table carries `la_code` and every primary, unique and
 * foreign key includes it, so a regional pool can be distributed by authority (Citus).
 * Dates are `date` (no time zone games); identifiers are text, as source systems send them.
 * Code lists are checked by the application layer (src/model), which can say which code list
 * and which year; the database guards keys, required values and the order of dates.
 */
const ddl = /* sql */ `
CREATE TABLE local_authority (
  la_code        text PRIMARY KEY CHECK (la_code ~ '^[0-9]{3}$'),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  region_code    text,
  region_name    text,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE la_population (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  year           integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  age_band       text NOT NULL DEFAULT '0-17',
  population     integer NOT NULL CHECK (population >= 0),
  source         text NOT NULL DEFAULT 'ONS mid-year estimate',
  PRIMARY KEY (la_code, year, age_band)
);

CREATE TABLE import_batch (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  batch_id       bigint GENERATED ALWAYS AS IDENTITY,
  format         text NOT NULL,
  file_name      text NOT NULL,
  file_hash      text NOT NULL,
  collection_year integer,
  imported_by    text NOT NULL,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  status         text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'loaded', 'failed', 'superseded')),
  row_counts     jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (la_code, batch_id)
);
CREATE INDEX import_batch_hash ON import_batch (la_code, file_hash);

CREATE TABLE team (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  team_id        text NOT NULL,
  name           text NOT NULL,
  team_type      text NOT NULL,
  service        text,
  locality       text,
  parent_team_id text,
  start_date     date,
  end_date       date,
  batch_id       bigint,
  PRIMARY KEY (la_code, team_id),
  FOREIGN KEY (la_code, parent_team_id) REFERENCES team (la_code, team_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);

CREATE TABLE worker (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  worker_id      text NOT NULL,
  role           text NOT NULL,
  team_id        text,
  fte            numeric(4,2) NOT NULL CHECK (fte > 0 AND fte <= 1.5),
  contract       text NOT NULL DEFAULT 'permanent',
  registration_no text,
  start_date     date NOT NULL,
  end_date       date,
  batch_id       bigint,
  PRIMARY KEY (la_code, worker_id),
  FOREIGN KEY (la_code, team_id) REFERENCES team (la_code, team_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE child (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  child_id       text NOT NULL CHECK (length(child_id) BETWEEN 1 AND 48),
  date_of_birth  date,
  expected_dob   date,
  sex            text NOT NULL,
  ethnicity      text NOT NULL,
  uasc           boolean NOT NULL DEFAULT false,
  uasc_ceased    date,
  is_mother      boolean,
  mother_child_dob date,
  death_date     date,
  household_id   text,
  batch_id       bigint,
  PRIMARY KEY (la_code, child_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (date_of_birth IS NOT NULL OR expected_dob IS NOT NULL),
  CHECK (death_date IS NULL OR date_of_birth IS NULL OR death_date >= date_of_birth)
);
CREATE INDEX child_household ON child (la_code, household_id);

-- Identifying details are held apart from the pseudonymous child record, so analysis never needs them.
CREATE TABLE child_identity (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  upn            text,
  former_upn     text,
  upn_unknown    text,
  forename       text,
  surname        text,
  home_postcode  text,
  batch_id       bigint,
  PRIMARY KEY (la_code, child_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

CREATE TABLE child_disability (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  disability     text NOT NULL,
  batch_id       bigint,
  PRIMARY KEY (la_code, child_id, disability),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

CREATE TABLE early_help_assessment (
  la_code        text NOT NULL,
  early_help_id  text NOT NULL,
  child_id       text NOT NULL,
  start_date     date NOT NULL,
  completion_date date,
  organisation   text,
  batch_id       bigint,
  PRIMARY KEY (la_code, early_help_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (completion_date IS NULL OR completion_date >= start_date)
);

CREATE TABLE referral (
  la_code        text NOT NULL,
  referral_id    text NOT NULL,
  child_id       text NOT NULL,
  referral_date  date NOT NULL,
  source         text NOT NULL,
  primary_need   text,
  nfa            boolean NOT NULL DEFAULT false,
  closure_date   date,
  closure_reason text,
  team_id        text,
  worker_id      text,
  batch_id       bigint,
  PRIMARY KEY (la_code, referral_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, team_id) REFERENCES team (la_code, team_id),
  FOREIGN KEY (la_code, worker_id) REFERENCES worker (la_code, worker_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (closure_date IS NULL OR closure_date >= referral_date),
  CHECK ((closure_date IS NULL) = (closure_reason IS NULL))
);
CREATE INDEX referral_child ON referral (la_code, child_id, referral_date);

CREATE TABLE contact (
  la_code        text NOT NULL,
  contact_id     text NOT NULL,
  child_id       text NOT NULL,
  contact_date   date NOT NULL,
  source         text NOT NULL,
  outcome        text,
  referral_id    text,
  batch_id       bigint,
  PRIMARY KEY (la_code, contact_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, referral_id) REFERENCES referral (la_code, referral_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);
CREATE INDEX contact_date ON contact (la_code, contact_date);

CREATE TABLE assessment (
  la_code        text NOT NULL,
  assessment_id  text NOT NULL,
  referral_id    text NOT NULL,
  child_id       text NOT NULL,
  start_date     date NOT NULL,
  authorised_date date,
  child_seen     boolean,
  outcome_further_action boolean,
  team_id        text,
  worker_id      text,
  batch_id       bigint,
  PRIMARY KEY (la_code, assessment_id),
  FOREIGN KEY (la_code, referral_id) REFERENCES referral (la_code, referral_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, team_id) REFERENCES team (la_code, team_id),
  FOREIGN KEY (la_code, worker_id) REFERENCES worker (la_code, worker_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (authorised_date IS NULL OR authorised_date >= start_date)
);
CREATE INDEX assessment_child ON assessment (la_code, child_id);

CREATE TABLE assessment_factor (
  la_code        text NOT NULL,
  assessment_id  text NOT NULL,
  factor         text NOT NULL,
  batch_id       bigint,
  PRIMARY KEY (la_code, assessment_id, factor),
  FOREIGN KEY (la_code, assessment_id) REFERENCES assessment (la_code, assessment_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

CREATE TABLE cin_plan (
  la_code        text NOT NULL,
  cin_plan_id    text NOT NULL,
  referral_id    text NOT NULL,
  child_id       text NOT NULL,
  start_date     date NOT NULL,
  end_date       date,
  team_id        text,
  worker_id      text,
  batch_id       bigint,
  PRIMARY KEY (la_code, cin_plan_id),
  FOREIGN KEY (la_code, referral_id) REFERENCES referral (la_code, referral_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE strategy_discussion (
  la_code        text NOT NULL,
  strategy_id    text NOT NULL,
  referral_id    text NOT NULL,
  child_id       text NOT NULL,
  discussion_date date NOT NULL,
  s47_initiated  boolean NOT NULL DEFAULT true,
  batch_id       bigint,
  PRIMARY KEY (la_code, strategy_id),
  FOREIGN KEY (la_code, referral_id) REFERENCES referral (la_code, referral_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

CREATE TABLE s47_enquiry (
  la_code        text NOT NULL,
  s47_id         text NOT NULL,
  referral_id    text NOT NULL,
  child_id       text NOT NULL,
  strategy_id    text,
  start_date     date NOT NULL,
  end_date       date,
  icpc_target_date date,
  icpc_not_required boolean NOT NULL DEFAULT false,
  team_id        text,
  worker_id      text,
  batch_id       bigint,
  PRIMARY KEY (la_code, s47_id),
  FOREIGN KEY (la_code, referral_id) REFERENCES referral (la_code, referral_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, strategy_id) REFERENCES strategy_discussion (la_code, strategy_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX s47_child ON s47_enquiry (la_code, child_id);

CREATE TABLE cp_plan (
  la_code        text NOT NULL,
  cp_plan_id     text NOT NULL,
  child_id       text NOT NULL,
  referral_id    text NOT NULL,
  start_date     date NOT NULL,
  end_date       date,
  initial_category text NOT NULL,
  latest_category text NOT NULL,
  other_la       boolean NOT NULL DEFAULT false,
  batch_id       bigint,
  PRIMARY KEY (la_code, cp_plan_id),
  FOREIGN KEY (la_code, referral_id) REFERENCES referral (la_code, referral_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR end_date > start_date)
);
CREATE INDEX cp_plan_child ON cp_plan (la_code, child_id, start_date);

-- Initial, review and transfer-in conferences in one table: they share a shape and a chair.
CREATE TABLE cp_conference (
  la_code        text NOT NULL,
  conference_id  text NOT NULL,
  child_id       text NOT NULL,
  referral_id    text NOT NULL,
  conference_type text NOT NULL CHECK (conference_type IN ('initial', 'review', 'transfer_in')),
  s47_id         text,
  cp_plan_id     text,
  conference_date date NOT NULL,
  plan_decided   boolean,
  batch_id       bigint,
  PRIMARY KEY (la_code, conference_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, referral_id) REFERENCES referral (la_code, referral_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, s47_id) REFERENCES s47_enquiry (la_code, s47_id),
  FOREIGN KEY (la_code, cp_plan_id) REFERENCES cp_plan (la_code, cp_plan_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);
CREATE INDEX cp_conference_child ON cp_conference (la_code, child_id, conference_date);

CREATE TABLE core_group (
  la_code        text NOT NULL,
  meeting_id     text NOT NULL,
  cp_plan_id     text NOT NULL,
  child_id       text NOT NULL,
  meeting_date   date NOT NULL,
  batch_id       bigint,
  PRIMARY KEY (la_code, meeting_id),
  FOREIGN KEY (la_code, cp_plan_id) REFERENCES cp_plan (la_code, cp_plan_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

-- Statutory visits under a CIN plan, CP plan or while looked after.
CREATE TABLE visit (
  la_code        text NOT NULL,
  visit_id       text NOT NULL,
  child_id       text NOT NULL,
  context        text NOT NULL CHECK (context IN ('cin', 'cp', 'cla')),
  visit_date     date NOT NULL,
  seen           boolean NOT NULL DEFAULT true,
  seen_alone     boolean,
  worker_id      text,
  batch_id       bigint,
  PRIMARY KEY (la_code, visit_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);
CREATE INDEX visit_child ON visit (la_code, child_id, visit_date);

-- Police protection and emergency protection orders (Annex A list 7; 'on police protection').
CREATE TABLE emergency_protection (
  la_code        text NOT NULL,
  protection_id  text NOT NULL,
  child_id       text NOT NULL,
  protection_type text NOT NULL CHECK (protection_type IN ('police_protection', 'epo')),
  start_date     date NOT NULL,
  end_date       date,
  batch_id       bigint,
  PRIMARY KEY (la_code, protection_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);

-- A period of care: from starting to be looked after to ceasing. Episodes hang off it.
CREATE TABLE care_period (
  la_code        text NOT NULL,
  period_id      text NOT NULL,
  child_id       text NOT NULL,
  referral_id    text,
  start_date     date NOT NULL,
  end_date       date,
  batch_id       bigint,
  PRIMARY KEY (la_code, period_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, referral_id) REFERENCES referral (la_code, referral_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX care_period_child ON care_period (la_code, child_id, start_date);

-- The SSDA903 episode: one legal status and one placement; a change of either starts a new one.
CREATE TABLE cla_episode (
  la_code        text NOT NULL,
  episode_id     text NOT NULL,
  child_id       text NOT NULL,
  period_id      text NOT NULL,
  decom          date NOT NULL,
  rne            text NOT NULL,
  legal_status   text NOT NULL,
  cin_category   text NOT NULL,
  place          text NOT NULL,
  place_provider text,
  urn            text,
  pl_post        text,
  home_post      text,
  pl_distance_miles numeric(6,1),
  pl_la          text,
  dec            date,
  rec            text,
  reason_place_change text,
  batch_id       bigint,
  PRIMARY KEY (la_code, episode_id),
  UNIQUE (la_code, child_id, decom),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, period_id) REFERENCES care_period (la_code, period_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (dec IS NULL OR dec >= decom),
  CHECK ((dec IS NULL) = (rec IS NULL))
);
CREATE INDEX cla_episode_dates ON cla_episode (la_code, decom, dec);

CREATE TABLE cla_review (
  la_code        text NOT NULL,
  review_id      text NOT NULL,
  child_id       text NOT NULL,
  period_id      text,
  review_date    date NOT NULL,
  participation  text,
  batch_id       bigint,
  PRIMARY KEY (la_code, review_id),
  UNIQUE (la_code, child_id, review_date),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, period_id) REFERENCES care_period (la_code, period_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

CREATE TABLE permanence_plan (
  la_code        text NOT NULL,
  plan_id        text NOT NULL,
  child_id       text NOT NULL,
  plan           text NOT NULL,
  start_date     date NOT NULL,
  end_date       date,
  batch_id       bigint,
  PRIMARY KEY (la_code, plan_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE health_check (
  la_code        text NOT NULL,
  check_id       text NOT NULL,
  child_id       text NOT NULL,
  check_type     text NOT NULL CHECK (check_type IN ('health_assessment', 'dental', 'development')),
  check_date     date NOT NULL,
  batch_id       bigint,
  PRIMARY KEY (la_code, check_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

-- SSDA903 OC2: outcomes of children looked after for 12 months at 31 March, one row a child a year.
CREATE TABLE cla_outcome (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  collection_year integer NOT NULL,
  sdq_score      integer CHECK (sdq_score BETWEEN 0 AND 40),
  sdq_reason     text,
  convicted      boolean,
  health_check   boolean,
  immunisations  boolean,
  teeth_check    boolean,
  health_assessment boolean,
  substance_misuse boolean,
  intervention_received boolean,
  intervention_offered boolean,
  batch_id       bigint,
  PRIMARY KEY (la_code, child_id, collection_year),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

CREATE TABLE missing_episode (
  la_code        text NOT NULL,
  missing_id     text NOT NULL,
  child_id       text NOT NULL,
  missing_type   text NOT NULL,
  start_date     date NOT NULL,
  end_date       date,
  return_interview_offered boolean,
  return_interview_accepted boolean,
  return_interview_date date,
  batch_id       bigint,
  PRIMARY KEY (la_code, missing_id),
  UNIQUE (la_code, child_id, start_date, missing_type),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK (return_interview_date IS NULL OR return_interview_date >= start_date)
);
CREATE INDEX missing_child ON missing_episode (la_code, child_id, start_date);

-- SSDA903 PlacedAdoption: decisions that a child should be placed for adoption.
CREATE TABLE adoption_decision (
  la_code        text NOT NULL,
  decision_id    text NOT NULL,
  child_id       text NOT NULL,
  decision_date  date NOT NULL,
  placement_order_date date,
  matched_date   date,
  placed_date    date,
  ffa_placed_date date,
  reversed_date  date,
  reversed_reason text,
  batch_id       bigint,
  PRIMARY KEY (la_code, decision_id),
  UNIQUE (la_code, child_id, decision_date),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (reversed_date IS NULL OR reversed_date >= decision_date),
  CHECK (matched_date IS NULL OR matched_date >= decision_date)
);

-- SSDA903 AD1 and Annex A list 10: children adopted.
CREATE TABLE adoption (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  adoption_order_date date NOT NULL,
  decision_date  date NOT NULL,
  matched_date   date NOT NULL,
  placed_date    date,
  by_foster_carer boolean NOT NULL,
  number_of_adopters integer NOT NULL CHECK (number_of_adopters IN (1, 2)),
  sex_of_adopters text NOT NULL,
  legal_status_of_adopters text NOT NULL,
  adopter_household_id text,
  batch_id       bigint,
  PRIMARY KEY (la_code, child_id, adoption_order_date),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (matched_date >= decision_date),
  CHECK (adoption_order_date >= matched_date)
);

CREATE TABLE previous_permanence (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  collection_year integer NOT NULL,
  option         text NOT NULL,
  arranged_by_la text,
  order_date_text text,
  batch_id       bigint,
  PRIMARY KEY (la_code, child_id, collection_year),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

-- SSDA903 OC3 / Annex A list 9: care leaver follow-up, one row a young person a year.
CREATE TABLE care_leaver (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  collection_year integer NOT NULL,
  eligibility    text,
  in_touch       text NOT NULL,
  latest_contact_date date,
  activity       text,
  accommodation  text,
  pathway_plan_review_date date,
  personal_adviser_id text,
  batch_id       bigint,
  PRIMARY KEY (la_code, child_id, collection_year),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, personal_adviser_id) REFERENCES worker (la_code, worker_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

-- Annex A list 11.
CREATE TABLE adopter_household (
  la_code        text NOT NULL,
  household_id   text NOT NULL,
  enquiry_date   date,
  stage1_start_date date,
  stage1_end_date date,
  stage2_start_date date,
  stage2_end_date date,
  application_date date,
  approval_date  date,
  number_of_adopters integer,
  withdrawn_date date,
  withdrawn_reason text,
  batch_id       bigint,
  PRIMARY KEY (la_code, household_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id)
);

-- Who holds a child's case: allocated worker, IRO or personal adviser, over time.
CREATE TABLE allocation (
  la_code        text NOT NULL,
  allocation_id  text NOT NULL,
  child_id       text NOT NULL,
  worker_id      text NOT NULL,
  allocation_role text NOT NULL,
  referral_id    text,
  period_id      text,
  start_date     date NOT NULL,
  end_date       date,
  change_reason  text,
  batch_id       bigint,
  PRIMARY KEY (la_code, allocation_id),
  FOREIGN KEY (la_code, child_id) REFERENCES child (la_code, child_id) ON DELETE CASCADE,
  FOREIGN KEY (la_code, worker_id) REFERENCES worker (la_code, worker_id),
  FOREIGN KEY (la_code, referral_id) REFERENCES referral (la_code, referral_id),
  FOREIGN KEY (la_code, period_id) REFERENCES care_period (la_code, period_id),
  FOREIGN KEY (la_code, batch_id) REFERENCES import_batch (la_code, batch_id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX allocation_worker ON allocation (la_code, worker_id, start_date);
CREATE INDEX allocation_child ON allocation (la_code, child_id, start_date);

-- Weekly cost of a placement by type (SSDA903 PLACE or a placement category) and provider, over time.
CREATE TABLE placement_cost (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  placement_type text NOT NULL,
  provider       text NOT NULL DEFAULT 'any',
  valid_from     date NOT NULL,
  valid_to       date,
  weekly_cost    numeric(10,2) NOT NULL CHECK (weekly_cost >= 0),
  source         text NOT NULL,
  PRIMARY KEY (la_code, placement_type, provider, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(ddl).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'placement_cost', 'allocation', 'adopter_household', 'care_leaver', 'previous_permanence', 'adoption',
    'adoption_decision', 'missing_episode', 'cla_outcome', 'health_check', 'permanence_plan', 'cla_review',
    'cla_episode', 'care_period', 'emergency_protection', 'visit', 'core_group', 'cp_conference', 'cp_plan',
    's47_enquiry', 'strategy_discussion', 'cin_plan', 'assessment_factor', 'assessment', 'contact', 'referral',
    'early_help_assessment', 'child_disability', 'child_identity', 'child', 'worker', 'team', 'import_batch',
    'la_population', 'local_authority',
  ];
  for (const table of tables) await sql.raw(`DROP TABLE IF EXISTS ${table} CASCADE`).execute(db);
}
