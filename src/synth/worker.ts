import { parentPort } from 'node:worker_threads';
import { simulateAuthority, type SynthOptions } from './authority.js';
import { summarize } from './summary.js';

/**
 * Worker thread body (see parallel.ts): simulates one authority per request and posts back its
 * rows and summary. Each worker handles many authorities in turn, so tsx and the reference data
 * load once per thread.
 */
type Request = { type: 'simulate'; options: Omit<SynthOptions, 'onProgress'> };

parentPort!.on('message', (message: Request) => {
  try {
    const started = performance.now();
    const authority = simulateAuthority(message.options);
    const summary = summarize(authority, (performance.now() - started) / 1000);
    parentPort!.postMessage({ type: 'done', summary, rows: authority.rows });
  } catch (error) {
    parentPort!.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort!.postMessage({ type: 'ready' });
