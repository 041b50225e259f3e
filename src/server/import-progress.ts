import type { ImportStep } from './imports.js';

/**
 * How the importer's phases map onto one 0–100 % bar, declared once: each phase fills its share
 * of the bar by its own done/total. Writing is the long part of a large import.
 */
export const IMPORT_PHASES: Record<string, { from: number; to: number; label: string }> = {
  upload: { from: 0, to: 0, label: 'Uploaded, waiting to start' },
  read: { from: 0, to: 40, label: 'Reading and checking files' },
  check: { from: 40, to: 45, label: 'Checking the file set' },
  merge: { from: 45, to: 55, label: 'Comparing with the database' },
  write: { from: 55, to: 85, label: 'Writing records' },
  indicators: { from: 85, to: 99, label: 'Preparing indicators' },
  done: { from: 100, to: 100, label: 'Finished' },
};

/** The bar position of a progress step (whole percent, 0–100). */
export function percentOf(step: ImportStep): number {
  const phase = IMPORT_PHASES[step.phase];
  if (!phase) return 0;
  const share = step.total > 0 ? Math.min(1, Math.max(0, step.done / step.total)) : 0;
  return Math.floor(phase.from + (phase.to - phase.from) * share);
}
