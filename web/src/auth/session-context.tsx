import { createContext, useContext } from 'react';
import type { Session } from '../api/types.js';

export interface SessionValue {
  session: Session;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in user (pages only render inside the sign-in gate, so there always is one). */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the sign-in gate');
  return value;
}

/** Set at sign-in so the layout moves focus to the page's content once it appears. */
export const focusAfterSignIn = { pending: false };
