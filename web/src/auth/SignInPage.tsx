import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { signIn } from '../api/session.js';
import type { Session } from '../api/types.js';

/** Sign-in form: labelled fields, an error summary that takes focus, no hints about which field was wrong. */
export function SignInPage({ onSignedIn, notice }: { onSignedIn(session: Session): void; notice?: string | undefined }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email || !password) {
      setError('Enter your email address and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(email.trim(), password));
    } catch (caught) {
      const message =
        caught instanceof ApiError && caught.status === 401
          ? 'The email address or password is not right, or the account is locked after too many attempts.'
          : caught instanceof ApiError
            ? caught.message
            : 'Sign-in failed. Please try again.';
      setError(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page sign-in" tabIndex={-1}>
      <h1>Sign in to CSC Workbench</h1>
      {notice && !error && <p className="notice" role="status">{notice}</p>}
      {error && (
        <div className="error-summary" role="alert" aria-labelledby="sign-in-error-title" tabIndex={-1} ref={(node) => node?.focus()}>
          <h2 id="sign-in-error-title">There is a problem</h2>
          <p>{error}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="email">Email address</label>
          <input id="email" name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="hint">Your account is set up by your system administrator. Sessions end after a period without activity.</p>
    </main>
  );
}
