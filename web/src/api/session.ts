import { ApiError, apiJson, setCsrfToken } from './client.js';
import type { Session, SessionUser } from './types.js';

/** Paths of the sign-in routes (src/server/routes/auth.ts). */
const ME_PATH = '/auth/me';
const CSRF_PATH = '/auth/csrf';
const SIGN_IN_PATH = '/auth/login';
const SIGN_OUT_PATH = '/auth/logout';

interface RawUser {
  userId?: string;
  id?: string;
  email?: string;
  displayName?: string;
  role?: string;
  laCode?: string;
}
interface RawSession {
  user?: RawUser;
  csrfToken?: string;
}

function toSession(raw: RawSession): Session {
  const user = raw.user ?? {};
  const session: Session = {
    user: {
      id: String(user.userId ?? user.id ?? ''),
      email: user.email ?? '',
      displayName: user.displayName ?? user.email ?? '',
      role: (user.role ?? '') as SessionUser['role'],
      laCode: user.laCode ?? '',
    },
    csrfToken: raw.csrfToken,
  };
  setCsrfToken(session.csrfToken);
  return session;
}

/** The signed-in user, or null when there is no (live) session. */
export async function fetchSession(): Promise<Session | null> {
  try {
    // After a reload the cookie is still there but the token is not: ask for both.
    const [user, csrf] = await Promise.all([apiJson<RawUser>(ME_PATH), apiJson<{ csrfToken?: string }>(CSRF_PATH)]);
    return toSession({ user, csrfToken: csrf.csrfToken });
  } catch (error) {
    if (error instanceof ApiError && (error.unauthenticated || error.notAvailable)) return null;
    throw error;
  }
}

export async function signIn(email: string, password: string): Promise<Session> {
  return toSession(await apiJson<RawSession>(SIGN_IN_PATH, { method: 'POST', body: { email, password } }));
}

export async function signOut(): Promise<void> {
  try {
    await apiJson<void>(SIGN_OUT_PATH, { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}
