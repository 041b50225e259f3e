import { extname } from 'node:path';
import { parseCsv } from './common/csv.js';
import { decodeText } from './common/decode.js';
import type { ImportFormat, InputFile } from './common/types.js';
import { isAnnexAHeader } from './annex-a/sources.js';
import { isWorkforceHeader } from './workforce/columns.js';

export type DetectedFormat = ImportFormat | '903-xml' | 'unknown';

/** Which return a file is, from its contents (names are whatever the council chose). */
export function detectFormat(file: InputFile): DetectedFormat {
  const ext = extname(file.name).toLowerCase();
  if (ext === '.xlsx' || (file.data[0] === 0x50 && file.data[1] === 0x4b)) return 'annex-a';
  const head = decodeText(file.data.subarray(0, 4096), file.name).text ?? '';
  const firstTag = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''));
  if (head.trimStart().startsWith('<')) {
    if (firstTag?.[1] === 'EXPSSDA903') return '903-xml';
    if (firstTag?.[1] === 'Message') return 'cin';
    return 'unknown';
  }
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  const header = parseCsv(firstLine, file.name).table?.header ?? [];
  if (isWorkforceHeader(header)) return 'workforce';
  if (isAnnexAHeader(header)) return 'annex-a';
  return '903';
}
