import argon2 from "argon2";
import { InvalidInputError } from "../core/concord-error.ts";

/**
 * Password hashing with argon2id (RFC 9106), the parameters OWASP's password storage cheat sheet lists first:
 * 19 MiB of memory, 2 iterations, 1 lane. The result is a PHC string (`$argon2id$v=19$m=19456,p=1,t=2$salt$hash`)
 * that carries its own parameters and salt, so raising them later still verifies old hashes.
 */
const ARGON2ID_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** A password a user may choose: 12 to 256 characters. Throws InvalidInputError naming `password` otherwise. */
export function checkPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw new InvalidInputError("password", `must have at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) throw new InvalidInputError("password", `must have at most ${PASSWORD_MAX_LENGTH} characters`);
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2ID_OPTIONS);
}

/** A hash of a password no one knows: verified against when the e-mail is unknown, so both cases take as long. */
let decoyHash: Promise<string> | null = null;

/** Whether the password matches the hash; with a null hash, verifies against a decoy (same cost) and answers false. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    decoyHash ??= hashPassword("decoy password nobody can know");
    await argon2.verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
