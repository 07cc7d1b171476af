/**
 * Column-level readers and writers of the TLE format (NORAD Spacetrack Report #3 / CelesTrak "TLE format"):
 * the modulo-10 checksum, Alpha-5 catalog numbers, fixed-point decimals and the implied-decimal exponent
 * fields (` 12345-4` = 0.12345e-4). Readers scan characters and return NaN (or null) on anything malformed.
 */

const SPACE = 32;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;

/** Modulo-10 checksum of the first 68 characters: digits count their value, `-` counts 1, all else 0. */
export function tleChecksum(line: string): number {
  let sum = 0;
  const end = Math.min(68, line.length);
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === MINUS) sum += 1;
  }
  return sum % 10;
}

/** Alpha-5 letters: A=10 … Z=33 with I and O skipped. */
const ALPHA5_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
export const MAX_ALPHA5_CATALOG_NUMBER = 339_999;

/** Catalog number from the 5-character TLE field (`00005`, `A0000` = 100000 … `Z9999` = 339999); NaN if malformed. */
export function parseCatalogNumber(line: string, start: number): number {
  const first = line.charCodeAt(start);
  let lead: number;
  if (first >= 48 && first <= 57) lead = first - 48;
  else if (first === SPACE) lead = 0; // blank-padded (`   29`), as in Space-Track's 2023 full catalog
  else {
    const index = ALPHA5_LETTERS.indexOf(line.charAt(start));
    if (index < 0) return NaN;
    lead = index + 10;
  }
  let rest = 0;
  for (let i = start + 1; i < start + 5; i++) {
    const c = line.charCodeAt(i);
    // Blank padding: treat a blank as zero.
    if (c === SPACE) rest = rest * 10;
    else if (c >= 48 && c <= 57) rest = rest * 10 + (c - 48);
    else return NaN;
  }
  return lead * 10_000 + rest;
}

/** The 5-character TLE catalog field, Alpha-5 above 99999; null when outside 0..339999. */
export function formatCatalogNumber(catalogNumber: number): string | null {
  if (!Number.isInteger(catalogNumber) || catalogNumber < 0 || catalogNumber > MAX_ALPHA5_CATALOG_NUMBER) return null;
  if (catalogNumber < 100_000) return String(catalogNumber).padStart(5, "0");
  const lead = Math.floor(catalogNumber / 10_000);
  return `${ALPHA5_LETTERS.charAt(lead - 10)}${String(catalogNumber % 10_000).padStart(4, "0")}`;
}

/**
 * A fixed-point decimal in columns [start, end): optional blanks, optional sign, digits with at most one
 * `.`, optional blanks. NaN when empty or malformed. The value is mantissa / 10^k, which IEEE division
 * rounds exactly as `parseFloat` does. A lone `-` zero gives -0.
 */
export function parseFixedDecimal(line: string, start: number, end: number): number {
  let i = start;
  while (i < end && line.charCodeAt(i) === SPACE) i++;
  let negative = false;
  const signChar = line.charCodeAt(i);
  if (signChar === MINUS || signChar === PLUS) {
    negative = signChar === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (c === DOT && fractionDigits < 0) {
      fractionDigits = 0;
    } else break;
  }
  for (; i < end; i++) if (line.charCodeAt(i) !== SPACE) return NaN;
  if (digits === 0) return NaN;
  const value = fractionDigits > 0 ? mantissa / 10 ** fractionDigits : mantissa;
  return negative ? -value : value;
}

/** A non-negative integer in [start, end), blanks allowed around it (an all-blank field is 0); NaN if malformed. */
export function parseBlankPaddedInteger(line: string, start: number, end: number): number {
  let value = 0;
  let seenDigit = false;
  let trailing = false;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === SPACE) {
      if (seenDigit) trailing = true;
    } else if (c >= 48 && c <= 57 && !trailing) {
      value = value * 10 + (c - 48);
      seenDigit = true;
    } else return NaN;
  }
  return value;
}

/**
 * The 8-column implied-decimal exponent field (`±MMMMM±E`): ` 12345-4` = 0.12345e-4, `-11606-4`,
 * `+00000+0`. Blanks in the mantissa count as zeros, a blank exponent sign as `+`. NaN if malformed.
 */
export function parseImpliedDecimal(line: string, start: number): number {
  const signChar = line.charCodeAt(start);
  if (signChar !== SPACE && signChar !== PLUS && signChar !== MINUS) return NaN;
  let mantissa = 0;
  for (let i = start + 1; i < start + 6; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) mantissa = mantissa * 10 + (c - 48);
    else if (c === SPACE) mantissa *= 10;
    else return NaN;
  }
  const expSign = line.charCodeAt(start + 6);
  const expDigit = line.charCodeAt(start + 7) - 48;
  if ((expSign !== MINUS && expSign !== PLUS && expSign !== SPACE) || expDigit < 0 || expDigit > 9) return NaN;
  const exponent = (expSign === MINUS ? -expDigit : expDigit) - 5;
  const value = exponent < 0 ? mantissa / 10 ** -exponent : mantissa * 10 ** exponent;
  return signChar === MINUS ? -value : value;
}

/**
 * Writes an implied-decimal field (8 characters). Zero is ` 00000-0` (`-00000-0` for -0); values below
 * 1e-10 in magnitude, which the single exponent digit cannot carry, are written as zero. Null when the
 * magnitude is 1e9 or more.
 */
export function formatImpliedDecimal(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const sign = value < 0 || Object.is(value, -0) ? "-" : " ";
  const magnitude = Math.abs(value);
  if (magnitude === 0) return `${sign}00000-0`;
  const [digits = "", exp = "0"] = magnitude.toExponential(4).split("e");
  const exponent = Number(exp) + 1;
  if (exponent > 9) return null;
  if (exponent < -9) return `${sign}00000-0`;
  return `${sign}${digits.replace(".", "")}${exponent < 0 ? "-" : "+"}${Math.abs(exponent)}`;
}

/** The ṅ/2 field (10 columns, ` .00003075`, `-.00012345`); null when |value| rounds to 1 or more. */
export function formatMeanMotionDot(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const sign = value < 0 || Object.is(value, -0) ? "-" : " ";
  const fixed = Math.abs(value).toFixed(8);
  if (!fixed.startsWith("0.")) return null;
  return `${sign}${fixed.slice(1)}`;
}

/** International designator columns 10-17 (`98067A  `, old `61015 JL`) to OMM form `1998-067A`; null when blank or malformed. */
export function parseDesignator(line: string, start: number): string | null {
  const yy = parseBlankPaddedInteger(line, start, start + 2);
  const launch = line.slice(start + 2, start + 5);
  if (line.slice(start, start + 8).trim() === "") return null;
  if (Number.isNaN(yy) || !/^\d{3}$/.test(launch)) return null;
  let piece = "";
  for (let i = start + 5; i < start + 8; i++) {
    const c = line.charCodeAt(i);
    if (c >= 65 && c <= 90) piece += line.charAt(i);
    else if (c !== SPACE) return null;
  }
  return `${yy < 57 ? 2000 + yy : 1900 + yy}-${launch}${piece}`;
}

/** OMM `1998-067A` back to the 8 TLE columns `98067A  `; null when it has no TLE form. */
export function formatDesignator(objectId: string | null): string | null {
  if (objectId === null || objectId === "") return "        ";
  const year = Number(objectId.slice(0, 4));
  if (objectId.charCodeAt(4) !== MINUS || !Number.isInteger(year) || year < 1957 || year > 2056) return null;
  const launch = objectId.slice(5, 8);
  const piece = objectId.slice(8);
  if (!/^\d{3}$/.test(launch) || !/^[A-Z]{0,3}$/.test(piece)) return null;
  return `${String(year % 100).padStart(2, "0")}${launch}${piece.padEnd(3, " ")}`;
}
