import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import { fetchSession, signOut } from '../api/session.js';
import type { Session } from '../api/types.js';
import { Loading, ErrorMessage } from '../components/Status.js';
import { SignInPage } from './SignInPage.js';
import { focusAfterSignIn, SessionContext } from './session-context.js';

export const SESSION_KEY = ['session'] as const;

/** Shows the sign-in page until there is a session, then the app. */
export function SignInGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });

  const onSignedIn = useCallback(
    (value: Session) => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      focusAfterSignIn.pending = true;
      client.setQueryData(SESSION_KEY, value);
    },
    [client],
  );
  const doSignOut = useCallback(async () => {
    await signOut().catch(() => undefined);
    client.clear();
    client.setQueryData(SESSION_KEY, null);
  }, [client]);
  const value = useMemo(() => (session.data ? { session: session.data, signOut: doSignOut } : null), [session.data, doSignOut]);

  if (session.isPending) return <main id="main" className="page"><Loading what="your session" /></main>;
  if (session.isError) return <main id="main" className="page"><ErrorMessage error={session.error} /></main>;
  if (!value) return <SignInPage onSignedIn={onSignedIn} notice={client.getQueryState(SESSION_KEY)?.dataUpdateCount ? 'You have been signed out.' : undefined} />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
