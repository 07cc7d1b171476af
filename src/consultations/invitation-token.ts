import { randomSecretToken, secretTokenHash } from "../accounts/secret-token.ts";

/** How long an invitation link lives at most (it also dies at the consultation's deadline). */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** 32 bytes in base64url: 43 characters, no padding. */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface InvitationToken {
  /** Goes into the link of the e-mail only; never stored. */
  readonly token: string;
  /** SHA-256 of the token, hex: what the store keeps. */
  readonly tokenHash: string;
}

/** A fresh single-use token (32 random bytes, base64url) and its hash. */
export function newInvitationToken(): InvitationToken {
  const token = randomSecretToken();
  return { token, tokenHash: secretTokenHash(token) };
}

export function hashInvitationToken(token: string): string {
  return secretTokenHash(token);
}

/** When a link sent now expires: at the deadline or 14 days from now, whichever comes first. Pure. */
export function invitationExpiry(deadlineIso: string, now: Date): string {
  const expiresMs = Math.min(Date.parse(deadlineIso), now.getTime() + INVITATION_LIFETIME_MS);
  return new Date(expiresMs).toISOString();
}

/** The link an invitee follows: `<public base URL>/invitations/<token>`. */
export function invitationLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/invitations/${token}`;
}
