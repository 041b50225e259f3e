import { workforce } from '../../model/code-lists/index.js';
import { parseCsv } from '../common/csv.js';
import { decodeText } from '../common/decode.js';
import { FieldReader } from '../common/fields.js';
import { issue, type ImportIssue } from '../common/issues.js';
import type { InputFile, ReadResult, StagedRow } from '../common/types.js';
import { isWorkforceHeader, normaliseHeader, WORKFORCE_COLUMNS } from './columns.js';

// eslint-disable-next-line no-control-regex -- control characters are exactly what ids may not contain
const ID = { required: true, max: 48, pattern: /^[^\u0000-\u001f]+$/, patternText: 'an identifier without control characters' };

/** Reads the workforce list: one row per worker, with their team (created or updated too). */
export function readWorkforce(file: InputFile, fileIndex: number, year: number | null): ReadResult {
  const issues: ImportIssue[] = [];
  const rows: StagedRow[] = [];
  const decoded = decodeText(file.data, file.name);
  issues.push(...decoded.issues);
  if (decoded.text === null) return { format: 'workforce', year, rows, supersedes: [], issues };
  const parsed = parseCsv(decoded.text, file.name);
  issues.push(...parsed.issues);
  if (!parsed.table) return { format: 'workforce', year, rows, supersedes: [], issues };
  if (!isWorkforceHeader(parsed.table.header)) {
    issues.push(issue('error', file.name, 1, '', parsed.table.header.join(',').slice(0, 200), 'header', 'The header row is not the workforce list header', WORKFORCE_COLUMNS.join(',')));
    return { format: 'workforce', year, rows, supersedes: [], issues };
  }
  const canonical = new Map(WORKFORCE_COLUMNS.map((c) => [normaliseHeader(c), c]));
  const columns = parsed.table.header.map((h) => canonical.get(normaliseHeader(h))!);
  const r = new FieldReader(file.name, issues, year);
  const workers = new Map<string, number>();
  const teams = new Map<string, { name: string; type: string | null; line: number }>();
  for (const row of parsed.table.rows) {
    if (row.cells.length !== columns.length) {
      issues.push(issue('error', file.name, row.line, '', '', 'columns', `The row has ${row.cells.length} values but the header has ${columns.length} columns`, `${columns.length} values`));
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => (values[c] = row.cells[i]!));
    r.at(row.line, values);
    const worker = r.text('Worker ID', ID);
    const role = r.code('Role', workforce.WorkerRole, { required: true });
    const teamId = r.text('Team ID', { ...ID, required: false });
    const teamName = r.text('Team name', { max: 200, required: teamId !== null });
    const teamType = teamId ? r.code('Team type', workforce.TeamType, { required: true }) : null;
    const fte = r.number('FTE', 0.01, 1.5, { required: true });
    const agencyRaw = r.raw('Agency').toLowerCase();
    const agency = ['y', 'yes', '1', 'true'].includes(agencyRaw) ? true : ['n', 'no', '0', 'false', ''].includes(agencyRaw) ? false : null;
    if (agency === null) r.error('Agency', r.raw('Agency'), 'flag', 'Agency is not yes or no', 'Y or N');
    const start = r.date('Start date', { required: true });
    const leave = r.date('Leave date');
    r.integer('Caseload at census date', 0, 10_000);
    if (start && leave && leave < start) r.error('Leave date', r.raw('Leave date'), 'date-order', 'Leave date is before Start date', `on or after ${start}`);
    if (!worker) continue;
    const first = workers.get(worker);
    if (first !== undefined) {
      r.error('Worker ID', worker, 'duplicate', `Worker ${worker} appears more than once (first on line ${first})`, 'one row per worker');
      continue;
    }
    workers.set(worker, row.line);
    const source = { fileIndex, file: file.name, line: row.line, year };
    if (teamId && teamName) {
      const known = teams.get(teamId);
      if (known && (known.name !== teamName || known.type !== teamType)) {
        r.error('Team name', teamName, 'team-mismatch', `Team ${teamId} is named "${known.name}" (${known.type}) on line ${known.line}`, 'the same name and type for every row of a team');
      } else if (!known) {
        teams.set(teamId, { name: teamName, type: teamType, line: row.line });
        rows.push({ table: 'team', row: { team_id: teamId, name: teamName, team_type: teamType }, source });
      }
    }
    rows.push({
      table: 'worker',
      row: { worker_id: worker, role, team_id: teamId, fte, contract: agency ? 'agency' : 'permanent', start_date: start, end_date: leave },
      source,
    });
  }
  return { format: 'workforce', year, rows, supersedes: [], issues };
}
