import cliProgress from 'cli-progress';

export interface TerminalProgress {
  update: (stage: string, done: number, total: number) => void;
  stop: () => void;
}

/** A progress bar on stderr when it is a terminal; a quiet no-op otherwise (logs, CI, tests). */
export function terminalProgress(title: string): TerminalProgress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% {stage}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (stage, done, total) => {
      if (!started) {
        bar.start(total, done, { stage });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { stage });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
