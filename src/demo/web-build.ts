import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a folder (skipping dist and node_modules). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app with Vite when web/dist is missing or older than its sources. */
export async function ensureWebBuild(webDir: string): Promise<{ dist: string; built: boolean }> {
  const dist = join(webDir, 'dist');
  const index = join(dist, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(webDir)) return { dist, built: false };
  const { build } = await import('vite');
  await build({ root: webDir, configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  return { dist, built: true };
}
