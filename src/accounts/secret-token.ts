import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Bytes of randomness in session ids, CSRF tokens and setup-link tokens. */
export const SECRET_TOKEN_BYTES = 32;

/** A fresh random token (32 bytes from the OS's CSPRNG), base64url: what a cookie or link carries. */
export function randomSecretToken(): string {
  return randomBytes(SECRET_TOKEN_BYTES).toString("base64url");
}

/** Hex SHA-256 of a token: what the store keeps, so a copy of the store does not hold usable session ids or links. */
export function secretTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares two secrets in constant time (for equal lengths); false when the lengths differ. */
export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
