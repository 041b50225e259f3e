/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula.
 * Prefix such text with an apostrophe so it stays text (OWASP CSV injection guidance).
 */
export function formulaSafe(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
