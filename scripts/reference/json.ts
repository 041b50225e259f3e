/**
 * Deterministic JSON: object keys sorted (code-unit order), objects pretty-printed down to
 * `prettyDepth` levels and written compactly below that, so files are small but diff line by line.
 */
export function stableStringify(value: unknown, prettyDepth: number, indent = '  '): string {
  return write(value, 0, prettyDepth, indent) + '\n';
}

function write(value: unknown, depth: number, prettyDepth: number, indent: string): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number');
    if (value === undefined) throw new Error('undefined value');
    return JSON.stringify(value);
  }
  const pretty = depth < prettyDepth;
  const pad = pretty ? '\n' + indent.repeat(depth + 1) : '';
  const end = pretty ? '\n' + indent.repeat(depth) : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    // Arrays of primitives are always written on one line.
    if (value.every((v) => v === null || typeof v !== 'object')) return '[' + value.map((v) => write(v, depth + 1, 0, indent)).join(',') + ']';
    return '[' + value.map((v) => pad + write(v, depth + 1, prettyDepth, indent)).join(',') + end + ']';
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return '{}';
  const sep = pretty ? ': ' : ':';
  return '{' + entries.map(([k, v]) => pad + JSON.stringify(k) + sep + write(v, depth + 1, prettyDepth, indent)).join(',') + end + '}';
}
