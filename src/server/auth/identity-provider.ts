import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import '../tables.js';
import { loadPrincipal, type Principal } from './principal.js';

/**
 * The seam for a council's single sign-on. An OpenID Connect provider implements this
 * (authorization-code flow with PKCE: `startUrl` redirects to the council's IdP, `complete`
 * exchanges the code, validates the ID token's issuer, audience, nonce and signature, and returns
 * the subject). The server then maps the identity to an existing account with
 * `principalForExternalIdentity` and creates the same server-side session as a local sign-in,
 * so roles, scopes, CSRF and audit are unchanged. Accounts are never created from a token:
 * an administrator creates them with the provider's id and subject (or e-mail).
 */
export interface ExternalIdentity {
  provider: string;
  subject: string;
  email: string | null;
}

export interface IdentityProvider {
  /** Short id stored in app_user.identity_provider, e.g. 'oidc-oxfordshire'. */
  id: string;
  /** Where to send the browser to sign in; `state` and `nonce` are kept by the server. */
  startUrl(state: string, nonce: string): Promise<string>;
  /** Completes the callback (code and state from the query string); null when it does not check out. */
  complete(callback: { code: string; state: string }, expected: { state: string; nonce: string }): Promise<ExternalIdentity | null>;
}

export async function principalForExternalIdentity(db: Kysely<Database>, identity: ExternalIdentity): Promise<Principal | undefined> {
  const user = await db.selectFrom('app_user').select(['la_code', 'user_id'])
    .where('identity_provider', '=', identity.provider)
    .where((eb) => eb.or([
      eb('external_subject', '=', identity.subject),
      ...(identity.email ? [eb.and([eb('external_subject', 'is', null), eb('email', '=', identity.email.toLowerCase())])] : []),
    ]))
    .execute();
  if (user.length !== 1) return undefined;
  return loadPrincipal(db, user[0]!.la_code, user[0]!.user_id);
}
