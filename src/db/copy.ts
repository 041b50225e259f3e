/** Helpers for bulk loading with COPY ... FROM STDIN, shared by both drivers. */

export function isCopyFromStdin(sqlText: string): boolean {
  return /^\s*COPY\s+[\s\S]+\s+FROM\s+STDIN/i.test(sqlText);
}

/** One CSV field for COPY (FORMAT csv): NULL is an unquoted empty field, '' a quoted one. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'boolean') text = value ? 't' : 'f';
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = `{${value.map((v) => JSON.stringify(String(v))).join(',')}}`;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (text === '' || /[",\n\r]/.test(text) || text === '\\.') return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) line += ',';
      line += csvField(row[columns[c]!]);
    }
    lines[i] = line;
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
