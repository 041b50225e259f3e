import iconv from 'iconv-lite';
import { issue, type ImportIssue } from './issues.js';

/**
 * Turns file bytes into text. UTF-8 (with or without a byte-order mark) is expected; files that
 * are not valid UTF-8 are read as Windows-1252 (what many case management systems export) and a
 * notice says so. UTF-16 is refused: the DfE validators refuse it too.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string | null; issues: ImportIssue[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      text: null,
      issues: [issue('error', file, 0, '', '', 'encoding', 'The file is UTF-16, which is not accepted', 'UTF-8 (or Windows-1252); save the file again as "CSV UTF-8"')],
    };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), issues: [] };
  } catch {
    const line = lineOfFirstInvalidByte(body);
    return {
      text: iconv.decode(Buffer.from(body), 'win1252'),
      issues: [
        issue('notice', file, line, '', '', 'encoding', 'The file is not valid UTF-8; it was read as Windows-1252', 'UTF-8'),
      ],
    };
  }
}

/** Line of the first byte sequence that is not UTF-8, so the notice can point at it. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const extra = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (extra < 0) return line;
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    i += extra;
  }
  return line;
}
