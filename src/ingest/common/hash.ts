import { createHash } from 'node:crypto';

/** Content hash of a file: the same bytes load once (import_batch.file_hash). */
export function fileHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
