import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { writeCsv } from '../../ingest/common/csv.js';
import { collectionPeriod, isoToDmy } from '../../ingest/common/dates.js';
import { SSDA903_TABLES, tablesForYear, type Ssda903Table } from '../../ingest/ssda903/tables.js';
import { asAt, encoder, flag01, overlaps, rowsOf, str, type Row } from '../common/rows.js';

/** The CSV file set of one year (one file per table). */
export async function writeSsda903(db: Kysely<Database>, laCode: string, year: number): Promise<{ files: Record<string, Uint8Array>; warnings: string[] }> {
  const { tables, warnings } = await ssda903Tables(db, laCode, year);
  const files: Record<string, Uint8Array> = {};
  for (const table of tablesForYear(year)) {
    files[`ssda903_${year}_${table}.csv`] = encoder.encode(writeCsv(SSDA903_TABLES[table], tables[table] ?? []));
  }
  return { files, warnings };
}

/**
 * The SSDA903 tables of one year, as the authority would have returned them on 31 March:
 * episodes, reviews and the rest that touch the year, with later dates left blank. Rows are
 * cell values in the column order of SSDA903_TABLES, sorted by child then date.
 */
export async function ssda903Tables(db: Kysely<Database>, laCode: string, year: number): Promise<{ tables: Partial<Record<Ssda903Table, string[][]>>; warnings: string[] }> {
  const { start: from, end: to } = collectionPeriod(year);
  const warnings: string[] = [];
  const [children, identities, episodes, reviews, outcomes, leavers, adoptions, decisions, prevPerm, missing, allocations] = await Promise.all([
    rowsOf(db, 'child', laCode, 'child_id'),
    rowsOf(db, 'child_identity', laCode, 'child_id'),
    rowsOf(db, 'cla_episode', laCode, 'child_id, decom'),
    rowsOf(db, 'cla_review', laCode, 'child_id, review_date'),
    rowsOf(db, 'cla_outcome', laCode, 'child_id'),
    rowsOf(db, 'care_leaver', laCode, 'child_id'),
    rowsOf(db, 'adoption', laCode, 'child_id, adoption_order_date'),
    rowsOf(db, 'adoption_decision', laCode, 'child_id, decision_date'),
    rowsOf(db, 'previous_permanence', laCode, 'child_id'),
    rowsOf(db, 'missing_episode', laCode, 'child_id, start_date, missing_type'),
    rowsOf(db, 'allocation', laCode, 'child_id, start_date'),
  ]);
  const inYear = <T extends Row>(rows: T[]) => rows.filter((r) => r.collection_year === year);
  const yearEpisodes = episodes.filter((e) => overlaps(e.decom, asAt(e.dec, to), from, to));
  const yearOutcomes = inYear(outcomes);
  const yearLeavers = inYear(leavers);
  const yearPrevPerm = inYear(prevPerm);
  const yearAdoptions = adoptions.filter((a) => String(a.adoption_order_date) >= from && String(a.adoption_order_date) <= to);
  const included = new Set<string>();
  for (const rows of [yearEpisodes, yearOutcomes, yearLeavers, yearPrevPerm, yearAdoptions]) for (const r of rows) included.add(String(r.child_id));
  const childById = new Map(children.map((c) => [String(c.child_id), c]));
  const identityById = new Map(identities.map((c) => [String(c.child_id), c]));
  const dob = (child: unknown) => isoToDmy(childById.get(String(child))?.date_of_birth as string | null);
  const sex = (child: Row) => {
    const s = String(child.sex);
    if (year >= 2025) return s;
    if (s === 'M') return '1';
    if (s === 'F') return '2';
    warnings.push(`Child ${String(child.child_id)} has sex ${s}, which SSDA903 ${year} cannot express (1 or 2 only); SEX left blank`);
    return '';
  };
  const header = children.filter((c) => included.has(String(c.child_id)));
  const tables: Partial<Record<Ssda903Table, string[][]>> = {
    Header: header.map((c) => {
      const id = identityById.get(String(c.child_id));
      return [str(c.child_id), sex(c), isoToDmy(c.date_of_birth as string), str(c.ethnicity), str(id?.upn ?? id?.upn_unknown), c.is_mother === null ? '' : flag01(c.is_mother), isoToDmy(c.mother_child_dob as string | null)];
    }),
    Episodes: yearEpisodes.map((e) => {
      const dec = asAt(e.dec, to);
      return [str(e.child_id), isoToDmy(e.decom as string), str(e.rne), str(e.legal_status), str(e.cin_category), str(e.place), str(e.place_provider), isoToDmy(dec), dec ? str(e.rec) : '', dec ? str(e.reason_place_change) : '', str(e.home_post), str(e.pl_post), str(e.urn)];
    }),
    Reviews: reviews
      .filter((r) => included.has(String(r.child_id)) && String(r.review_date) >= from && String(r.review_date) <= to)
      .map((r) => [str(r.child_id), dob(r.child_id), isoToDmy(r.review_date as string), str(r.participation)]),
    UASC: header.filter((c) => c.uasc === true).map((c) => [str(c.child_id), sex(c), isoToDmy(c.date_of_birth as string), isoToDmy(asAt(c.uasc_ceased, to))]),
    OC2: yearOutcomes.map((o) => [
      str(o.child_id), dob(o.child_id), str(o.sdq_score), str(o.sdq_reason),
      ...['convicted', 'health_check', 'immunisations', 'teeth_check', 'health_assessment', 'substance_misuse', 'intervention_received', 'intervention_offered'].map((k) => flag01(o[k])),
    ]),
    OC3: yearLeavers.map((l) => [str(l.child_id), dob(l.child_id), str(l.in_touch), str(l.activity), str(l.accommodation)]),
    AD1: yearAdoptions.map((a) => [str(a.child_id), dob(a.child_id), isoToDmy(a.decision_date as string), isoToDmy(a.matched_date as string), flag01(a.by_foster_carer), str(a.number_of_adopters), str(a.sex_of_adopters), str(a.legal_status_of_adopters)]),
    PlacedAdoption: decisions
      .filter((d) => included.has(String(d.child_id)) && String(d.decision_date) <= to)
      .map((d) => {
        const reversed = asAt(d.reversed_date, to);
        return [str(d.child_id), dob(d.child_id), isoToDmy(d.decision_date as string), isoToDmy(reversed), reversed ? str(d.reversed_reason) : ''];
      }),
    PrevPerm: yearPrevPerm.map((p) => [str(p.child_id), dob(p.child_id), str(p.option), str(p.arranged_by_la), str(p.order_date_text)]),
    Missing: missing
      .filter((m) => included.has(String(m.child_id)) && overlaps(m.start_date, asAt(m.end_date, to), from, to))
      .map((m) => [str(m.child_id), dob(m.child_id), str(m.missing_type), isoToDmy(m.start_date as string), isoToDmy(asAt(m.end_date, to))]),
    SWEpisodes: allocations
      .filter((a) => a.allocation_role === 'allocated_worker' && included.has(String(a.child_id)) && overlaps(a.start_date, asAt(a.end_date, to), from, to))
      .map((a) => [str(a.child_id), dob(a.child_id), str(a.worker_id), isoToDmy(a.start_date as string), isoToDmy(asAt(a.end_date, to)), str(a.change_reason)]),
  };
  return { tables, warnings };
}
