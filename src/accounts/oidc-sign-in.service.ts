import type { Kysely } from "kysely";
import * as oidc from "openid-client";
import { ForbiddenError, UnauthenticatedError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { findOidcIdentityUserId, insertOidcIdentity, insertOidcLoginState, takeOidcLoginState } from "../store/oidc.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { findUserByEmail, findUserById } from "../store/user.repository.ts";
import type { SignedIn } from "./login.service.ts";
import { secretTokenHash, secretsEqual } from "./secret-token.ts";
import { replaceSession } from "./session.service.ts";

/** The OpenID Connect client settings (config.oidc*), and where the provider sends the browser back to. */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `<publicBaseUrl>/api/auth/oidc/callback`, registered at the provider. */
  readonly redirectUri: string;
}

/** A sign-in must come back from the provider within this time. */
export const OIDC_LOGIN_TTL_MS = 10 * 60 * 1000;

const discovered = new Map<string, Promise<oidc.Configuration>>();

/** Whether plain-HTTP requests to the issuer are allowed: only on loopback (a provider on the same machine, tests). */
function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
}

/**
 * The provider's discovered configuration, fetched once per issuer and client (again after a failure). The client
 * authenticates with client_secret_basic where the provider supports it (the OpenID default), else client_secret_post.
 */
function clientConfiguration(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer}|${settings.clientId}`;
  let pending = discovered.get(key);
  if (pending === undefined) {
    const issuer = new URL(settings.issuer);
    const insecure = isLoopbackHttp(issuer);
    pending = oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, { ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}), timeout: 10 }).then((found) => {
      const metadata = found.serverMetadata();
      const methods = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
      const auth = methods.includes("client_secret_basic") ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.ClientSecretPost(settings.clientSecret);
      const configuration = new oidc.Configuration(metadata, settings.clientId, settings.clientSecret, auth);
      if (insecure) oidc.allowInsecureRequests(configuration);
      return configuration;
    });
    pending.catch(() => discovered.delete(key));
    discovered.set(key, pending);
  }
  return pending;
}

export interface OidcStart {
  /** Where to send the browser (the provider's authorization endpoint with PKCE S256, state and nonce). */
  readonly authorizationUrl: string;
  /** The state, also kept in an HttpOnly cookie: the callback must come back to the same browser. */
  readonly state: string;
}

/** Starts an authorization-code sign-in with PKCE, state and nonce; the state's hash, nonce and verifier are stored. */
export async function startOidcSignIn(db: Kysely<StoreSchema>, settings: OidcSettings, now: Date): Promise<OidcStart> {
  const configuration = await clientConfiguration(settings);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await insertOidcLoginState(db, {
    stateHash: secretTokenHash(state),
    nonce,
    codeVerifier,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + OIDC_LOGIN_TTL_MS).toISOString(),
  });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { authorizationUrl: url.href, state };
}

export interface OidcCallback {
  /** The query string the provider sent the browser back with (`?code=…&state=…&iss=…`). */
  readonly search: string;
  /** The state from the browser's cookie (null when absent). */
  readonly browserState: string | null;
  readonly presentedSessionId: string | null;
}

const REFUSED = "no Concord account is linked to this sign-in: an admin must first add your verified e-mail address as a user";

/**
 * Completes a sign-in: checks the state against the browser's cookie and the stored one (single use), redeems the
 * code with the PKCE verifier and checks the ID token (signature, issuer, audience, nonce) through openid-client.
 * The identity (issuer + subject) signs in the user it is linked to; an unlinked identity is linked to the existing,
 * enabled user with the same e-mail only when the provider says that e-mail is verified; anything else is refused
 * (ForbiddenError): no account is ever created this way. Audited (`oidc_identity.create`, `user.sign_in`).
 */
export async function completeOidcSignIn(db: Kysely<StoreSchema>, settings: OidcSettings, callback: OidcCallback, now: Date): Promise<SignedIn> {
  const configuration = await clientConfiguration(settings);
  const currentUrl = new URL(settings.redirectUri);
  currentUrl.search = callback.search;
  const state = currentUrl.searchParams.get("state");
  if (state === null || callback.browserState === null || !secretsEqual(state, callback.browserState)) {
    throw new UnauthenticatedError("this sign-in did not start in this browser (state mismatch): start again");
  }
  const started = await takeOidcLoginState(db, secretTokenHash(state), now.toISOString());
  if (started === null) throw new UnauthenticatedError("this sign-in expired or was already used: start again");
  let subject: string;
  let email: string | null;
  let emailVerified: boolean;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: started.codeVerifier,
      expectedState: state,
      expectedNonce: started.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (idToken === undefined) throw new Error("no ID token");
    subject = idToken.sub;
    // Conforming providers put e-mail claims in the ID token only without an access token; ask userinfo otherwise.
    let claims: Record<string, unknown> = idToken;
    if (typeof claims["email"] !== "string" && configuration.serverMetadata().userinfo_endpoint !== undefined) {
      claims = await oidc.fetchUserInfo(configuration, tokens.access_token, subject);
    }
    email = typeof claims["email"] === "string" ? claims["email"] : null;
    emailVerified = claims["email_verified"] === true;
  } catch (error) {
    throw new UnauthenticatedError(`the OpenID provider's answer was refused: ${error instanceof Error ? error.message : String(error)}`);
  }
  const issuer = configuration.serverMetadata().issuer;
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const linkedUserId = await findOidcIdentityUserId(trx, issuer, subject);
    let user = linkedUserId === null ? null : await findUserById(trx, linkedUserId);
    if (user === null) {
      const byEmail = email !== null && emailVerified ? await findUserByEmail(trx, email) : null;
      if (byEmail === null || byEmail.disabled) throw new ForbiddenError(REFUSED);
      const identityId = await insertOidcIdentity(trx, { issuer, subject, userId: byEmail.id, createdAt: atIso });
      await appendAuditEntry(trx, { actorUserId: byEmail.id, actorLabel: byEmail.email, action: "oidc_identity.create", entityType: "oidc_identity", entityId: String(identityId), before: null, after: { issuer, subject, userId: byEmail.id, email }, atIso });
      user = byEmail;
    }
    if (user.disabled) throw new ForbiddenError(REFUSED);
    const session = await replaceSession(trx, user.id, callback.presentedSessionId, now);
    await appendAuditEntry(trx, { actorUserId: user.id, actorLabel: user.email, action: "user.sign_in", entityType: "user", entityId: String(user.id), before: null, after: { method: "oidc", issuer }, atIso });
    return { user, session };
  });
}
