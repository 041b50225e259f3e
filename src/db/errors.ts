/** Turns PostgreSQL constraint errors (same codes on PGlite) into one clear sentence. */
interface PgLikeError {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
  message?: string;
}

const REASONS: Record<string, string> = {
  '23503': 'refers to a record that does not exist',
  '23505': 'would duplicate an existing record',
  '23514': 'breaks a rule of the data model',
  '23502': 'leaves a required value empty',
  '22007': 'has a value that is not a valid date',
  '22008': 'has a date out of range',
  '22P02': 'has a value of the wrong type',
  '22001': 'has a value that is too long',
};

export class DatabaseRuleError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly constraint: string | undefined,
    readonly table: string | undefined,
  ) {
    super(message);
    this.name = 'DatabaseRuleError';
  }
}

export function explainDatabaseError(error: unknown, context?: string): Error {
  const e = error as PgLikeError;
  if (!e || typeof e !== 'object' || !e.code || !REASONS[e.code]) return error as Error;
  const where = e.table ? `A ${e.table} record` : context ? `A ${context} record` : 'A record';
  const detail = e.detail ? ` (${e.detail.replace(/\s+/g, ' ').trim()})` : e.constraint ? ` (rule ${e.constraint})` : '';
  const base = e.code === '23514' || e.code === '23502' ? ` ${e.message ?? ''}`.trimEnd() : '';
  return new DatabaseRuleError(`${where} ${REASONS[e.code]}${detail}.${base ? ` ${base}` : ''}`.trim(), e.code, e.constraint, e.table);
}
