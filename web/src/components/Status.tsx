import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';

/** A polite, announced loading message (no spinner-only states). */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** The capability behind this panel is not on this server yet: say so, never show made-up numbers. */
export function NotAvailable({ what }: { what: string }) {
  return (
    <div className="not-available" role="note" data-state="not-available">
      <p>
        <strong>{what}: not available yet.</strong> This server does not provide it yet, so nothing is shown rather than a guess.
      </p>
    </div>
  );
}

/** Explains an API failure in plain words, by kind. */
export function ErrorMessage({ error, what }: { error: unknown; what?: string }) {
  if (error instanceof ApiError && error.notAvailable) return <NotAvailable what={what ?? 'This information'} />;
  if (error instanceof ApiError && error.forbidden) {
    return (
      <div className="not-available" role="note" data-state="forbidden">
        <p>
          <strong>{what ?? 'This information'}: not shown for your role.</strong> {error.message}
        </p>
      </div>
    );
  }
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <div className="error-panel" role="alert" data-state="error">
      <p>
        <strong>{what ? `${what} could not be loaded.` : 'This could not be loaded.'}</strong> {message}
      </p>
    </div>
  );
}

/** Renders loading / error / content for one query result. */
export function QueryState<T>({ query, what, children }: { query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined }; what: string; children(data: T): ReactNode }) {
  if (query.isPending) return <Loading what={what.toLowerCase()} />;
  if (query.isError) return <ErrorMessage error={query.error} what={what} />;
  return <>{children(query.data as T)}</>;
}
