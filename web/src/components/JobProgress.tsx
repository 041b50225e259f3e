import './panels.css';
import { fractionOf, type JobProgress as Progress } from '../api/jobs.js';

/** A labelled progress bar for a server job, announced politely to screen readers. */
export function JobProgress({ label, progress }: { label: string; progress: Progress | null }) {
  const fraction = fractionOf(progress);
  return (
    <div className="job-progress loading" role="status" aria-live="polite" data-state="running">
      <label>
        {label}
        <progress className="progress" max={1} value={fraction} />
      </label>
      <p className="hint">
        {progress ? `${progress.stage}: ${Math.round(fraction * 100)}% (${progress.done} of ${progress.total})` : 'Starting…'}
      </p>
    </div>
  );
}
