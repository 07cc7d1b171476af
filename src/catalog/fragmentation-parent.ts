/**
 * The launch part of an international (COSPAR) designator: `1999-025` of `1999-025ABC`, or of the TLE form `99025ABC`.
 * Debris carries its parent launch's designator with a piece suffix, so this names the launch (and with piece A, the
 * principal object) a fragment came from. Null for anything that is not a designator. Pure.
 */
export function launchDesignatorOf(designator: string | null): string | null {
  if (designator === null) return null;
  const text = designator.trim().toUpperCase();
  const full = /^(\d{4})-(\d{3})[A-Z]{0,3}$/.exec(text);
  if (full) return `${full[1]}-${full[2]}`;
  const short = /^(\d{2})(\d{3})[A-Z]{0,3}$/.exec(text);
  if (short) {
    const yy = Number(short[1]);
    return `${yy >= 57 ? 1900 + yy : 2000 + yy}-${short[2]}`;
  }
  return null;
}
