import type { Generated } from "kysely";

/** Kysely table interfaces of the accounts tables (issue 7); see schema.ts for the conventions. */
export interface AccountsSchema {
  audit_log: AuditLogTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  oidc_identities: OidcIdentityTable;
  account_setup_tokens: AccountSetupTokenTable;
  oidc_login_states: OidcLoginStateTable;
}

/** One write, as it happened: append-only (triggers refuse UPDATE and DELETE). */
export interface AuditLogTable {
  id: Generated<number>;
  /** ISO timestamp. */
  at: string;
  /** The user who wrote, or null for the system and the CLI. */
  actor_user_id: number | null;
  /** Who, readable: the user's e-mail, or `cli:<os user>`, `system`. */
  actor_label: string;
  /** `<entity>.<verb>`, e.g. `user.create`, `statement.create`, `position.clear`. */
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON snapshots of the entity before and after the write (null where it did not exist). Never a secret. */
  before_json: string | null;
  after_json: string | null;
}

/** A workspace account. The e-mail is stored lower-case and is unique. */
export interface UserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  /** One of ROLES (accounts/role.ts). */
  role: string;
  organisation: string | null;
  /** Stakeholder sector (commercial, academic, non-profit, government …), free text. */
  sector: string | null;
  /** argon2id PHC string (`$argon2id$v=19$…`); null for an account that signs in only through a setup link or OpenID Connect. */
  password_hash: string | null;
  /** 1 when disabled: no sign-in, no session. */
  disabled: number;
  created_at: string;
  updated_at: string;
}

/** A signed-in browser. Only the SHA-256 of the 32-byte random session id is stored, never the id itself. */
export interface SessionTable {
  /** Hex SHA-256 of the session id the cookie carries. */
  id_hash: string;
  user_id: number;
  /** The session's CSRF token (sent back by the client in X-CSRF-Token on every state-changing request). */
  csrf_token: string;
  created_at: string;
  /** Last request seen (idle expiry counts from here); refreshed at most once a minute. */
  last_seen_at: string;
  /** Absolute expiry: the session ends then whatever the activity. */
  expires_at: string;
}

/** A failed sign-in (successful ones clear the e-mail's rows); the rate limit counts these in a sliding window. */
export interface LoginAttemptTable {
  id: Generated<number>;
  /** The e-mail tried, lower-cased (whether or not such a user exists). */
  email: string;
  client_address: string;
  attempted_at: string;
}

/** An OpenID Connect identity (issuer + subject) linked to a user. */
export interface OidcIdentityTable {
  id: Generated<number>;
  issuer: string;
  subject: string;
  user_id: number;
  created_at: string;
}

/**
 * A single-use setup link: `first-admin` (creates the first admin while none exists; user_id null) or `password`
 * (lets an existing user set its password). Only the SHA-256 of the token is stored.
 */
export interface AccountSetupTokenTable {
  token_hash: string;
  purpose: string;
  user_id: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** An OpenID Connect sign-in in progress: the state (hashed), its nonce and PKCE verifier, until the callback. */
export interface OidcLoginStateTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
  expires_at: string;
}
