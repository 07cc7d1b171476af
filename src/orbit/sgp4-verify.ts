import { type SatRec, sgp4, twoline2satrec } from "satellite.js";
import { describeSgp4Error } from "./propagate.ts";

/** Limits of the verification: position km, velocity km/s. */
export const SGP4_POSITION_LIMIT_KM = 1e-6;
export const SGP4_VELOCITY_LIMIT_KMS = 1e-8;

/**
 * The SGP4 error each early-stopping case of Vallado's verification set must stop with, keyed by
 * `"<satnum> <start minutes>"` (20413 appears twice). The C++ reference (`tcppver.out`) prints no state from
 * that time on. These are the codes python-sgp4's test suite expects, in file order [1, 1, 6, 6, 4, 3, 6]:
 * 1 mean eccentricity out of range, 3 perturbed eccentricity, 4 semi-latus rectum < 0, 6 decayed.
 */
export const EXPECTED_STOP_ERRORS: Readonly<Record<string, number>> = {
  "22312 54.2028672": 1,
  "28350 0": 1,
  "28872 0": 6,
  "29141 0": 6,
  "33333 0": 4,
  "33334 0": 3,
  "20413 1844000": 6,
};

function caseKey(c: VerificationCase): string {
  return `${c.satnum} ${c.startMin}`;
}

export interface VerificationCase {
  readonly satnum: string;
  readonly line1: string;
  readonly line2: string;
  readonly startMin: number;
  readonly stopMin: number;
  readonly stepMin: number;
}

export interface ReferenceState {
  readonly tsinceMin: number;
  readonly positionKm: readonly [number, number, number];
  readonly velocityKmS: readonly [number, number, number];
}

export interface CaseStop {
  /** Last time the reference printed a state that was compared (NaN when it stops at epoch), minutes since epoch. */
  readonly lastReferenceMin: number;
  /** Next scheduled time, where the reference stopped. */
  readonly stopMin: number;
  readonly expectedErrorCode: number | null;
  /** satellite.js error at stopMin (0 when it propagated, which is a failure). */
  readonly actualErrorCode: number;
  readonly message: string;
  readonly matches: boolean;
}

export interface CaseReport {
  readonly satnum: string;
  /** Reference states compared. */
  readonly referenceCount: number;
  readonly maxPositionErrorKm: number;
  readonly maxVelocityErrorKmS: number;
  /** tsince of the largest position error. */
  readonly worstTsinceMin: number;
  readonly stop: CaseStop | null;
  /** Anything else wrong (satellite.js failed where the reference printed, schedule mismatch). */
  readonly problems: readonly string[];
  readonly passed: boolean;
}

export interface Sgp4VerifyReport {
  readonly cases: readonly CaseReport[];
  readonly maxPositionErrorKm: number;
  readonly maxVelocityErrorKmS: number;
  readonly worstPositionCase: string;
  readonly worstVelocityCase: string;
  readonly positionLimitKm: number;
  readonly velocityLimitKmS: number;
  readonly passed: boolean;
}

/** Reads `SGP4-VER.TLE`: `#` comments, line 1, line 2 followed by start, stop and step minutes. */
export function parseVerificationTle(text: string): VerificationCase[] {
  const cases: VerificationCase[] = [];
  let line1: string | null = null;
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/\r$/, "");
    if (line.startsWith("1 ")) line1 = line;
    else if (line.startsWith("2 ") && line1 !== null) {
      const [startMin = NaN, stopMin = NaN, stepMin = NaN] = line.slice(69).trim().split(/\s+/).map(Number);
      cases.push({ satnum: line.slice(2, 7).trim().replace(/^0+/, ""), line1, line2: line.slice(0, 69), startMin, stopMin, stepMin });
      line1 = null;
    }
  }
  return cases;
}

/** Reads `tcppver.out`: a `<satnum> xx` header per case, then tsince, r (km) and v (km/s) on each line. */
export function parseReferenceOutput(text: string): { satnum: string; states: ReferenceState[] }[] {
  const blocks: { satnum: string; states: ReferenceState[] }[] = [];
  for (const rawLine of text.split("\n")) {
    const fields = rawLine.trim().split(/\s+/);
    if (fields.length === 2 && fields[1] === "xx") blocks.push({ satnum: fields[0] ?? "", states: [] });
    else if (fields.length >= 7 && blocks.length > 0) {
      const n = fields.slice(0, 7).map(Number) as [number, number, number, number, number, number, number];
      blocks[blocks.length - 1]?.states.push({ tsinceMin: n[0], positionKm: [n[1], n[2], n[3]], velocityKmS: [n[4], n[5], n[6]] });
    }
  }
  return blocks;
}

/** The times Vallado's verification driver (testcpp) propagates to: 0, then start…stop by step, stop included. */
export function verificationSchedule(c: VerificationCase): number[] {
  const times = [0];
  let tsince = c.startMin;
  if (Math.abs(tsince) > 1e-8) tsince -= c.stepMin;
  while (tsince < c.stopMin) {
    tsince += c.stepMin;
    if (tsince > c.stopMin) tsince = c.stopMin;
    times.push(tsince);
  }
  return times;
}

function verifyCase(c: VerificationCase, states: readonly ReferenceState[]): CaseReport {
  const satrec: SatRec = twoline2satrec(c.line1, c.line2);
  const schedule = verificationSchedule(c);
  const problems: string[] = [];
  let maxPositionErrorKm = 0;
  let maxVelocityErrorKmS = 0;
  let worstTsinceMin = 0;
  // The C++ driver prints the t=0 line after initialisation even when SGP4 failed there, with the previous
  // case's r and v left in its buffers (33334 repeats 33333's last state): a lone t=0 line whose time
  // satellite.js cannot propagate is that case's stop at t=0, not a state to compare.
  const failsAtEpoch = states.length === 1 && sgp4(twoline2satrec(c.line1, c.line2), 0) === null;
  const compared = failsAtEpoch ? [] : states;
  compared.forEach((ref, i) => {
    const scheduled = schedule[i];
    if (scheduled === undefined || Math.abs(scheduled - ref.tsinceMin) > 1e-6) {
      problems.push(`reference line ${i} at ${ref.tsinceMin} min is not the scheduled ${scheduled} min`);
    }
    const result = sgp4(satrec, ref.tsinceMin);
    if (result === null) {
      problems.push(`satellite.js failed at ${ref.tsinceMin} min with error ${satrec.error} where the reference printed a state`);
      return;
    }
    const p = result.position;
    const v = result.velocity;
    const dp = Math.hypot(p.x - ref.positionKm[0], p.y - ref.positionKm[1], p.z - ref.positionKm[2]);
    const dv = Math.hypot(v.x - ref.velocityKmS[0], v.y - ref.velocityKmS[1], v.z - ref.velocityKmS[2]);
    if (dp > maxPositionErrorKm) {
      maxPositionErrorKm = dp;
      worstTsinceMin = ref.tsinceMin;
    }
    maxVelocityErrorKmS = Math.max(maxVelocityErrorKmS, dv);
  });
  let stop: CaseStop | null = null;
  const stopMin = schedule[compared.length];
  if (stopMin !== undefined) {
    const result = sgp4(satrec, stopMin);
    const actualErrorCode = result === null ? satrec.error : 0;
    const expectedErrorCode = EXPECTED_STOP_ERRORS[caseKey(c)] ?? null;
    stop = {
      lastReferenceMin: compared[compared.length - 1]?.tsinceMin ?? NaN,
      stopMin,
      expectedErrorCode,
      actualErrorCode,
      message: actualErrorCode === 0 ? "satellite.js propagated where the reference stopped" : describeSgp4Error(actualErrorCode),
      matches: actualErrorCode !== 0 && expectedErrorCode === actualErrorCode,
    };
  } else if (EXPECTED_STOP_ERRORS[caseKey(c)] !== undefined) {
    problems.push(`the reference was expected to stop with error ${EXPECTED_STOP_ERRORS[caseKey(c)]} but runs to the end`);
  }
  const passed =
    problems.length === 0 &&
    maxPositionErrorKm <= SGP4_POSITION_LIMIT_KM &&
    maxVelocityErrorKmS <= SGP4_VELOCITY_LIMIT_KMS &&
    (stop === null || stop.matches);
  return { satnum: c.satnum, referenceCount: compared.length, maxPositionErrorKm, maxVelocityErrorKmS, worstTsinceMin, stop, problems, passed };
}

/**
 * Checks satellite.js (twoline2satrec: WGS-72, opsmode 'i') against Vallado's C++ reference output for every
 * case of SGP4-VER.TLE: position and velocity at each time the reference printed, and, where the reference
 * stops early, that satellite.js stops at the same time with the expected error. Pure: texts in, report out.
 */
export function verifySgp4(verTleText: string, tcppverText: string): Sgp4VerifyReport {
  const cases = parseVerificationTle(verTleText);
  const blocks = parseReferenceOutput(tcppverText);
  const reports: CaseReport[] = [];
  cases.forEach((c, i) => {
    const block = blocks[i];
    if (block === undefined || block.satnum !== c.satnum) {
      reports.push({ satnum: c.satnum, referenceCount: 0, maxPositionErrorKm: NaN, maxVelocityErrorKmS: NaN, worstTsinceMin: NaN, stop: null, problems: [`no reference block for case ${i} (found ${block?.satnum ?? "none"})`], passed: false });
      return;
    }
    reports.push(verifyCase(c, block.states));
  });
  if (blocks.length !== cases.length) {
    reports.push({ satnum: "-", referenceCount: 0, maxPositionErrorKm: NaN, maxVelocityErrorKmS: NaN, worstTsinceMin: NaN, stop: null, problems: [`${cases.length} cases but ${blocks.length} reference blocks`], passed: false });
  }
  let worstPositionCase = "";
  let worstVelocityCase = "";
  let maxPositionErrorKm = 0;
  let maxVelocityErrorKmS = 0;
  for (const r of reports) {
    if (r.maxPositionErrorKm > maxPositionErrorKm) {
      maxPositionErrorKm = r.maxPositionErrorKm;
      worstPositionCase = r.satnum;
    }
    if (r.maxVelocityErrorKmS > maxVelocityErrorKmS) {
      maxVelocityErrorKmS = r.maxVelocityErrorKmS;
      worstVelocityCase = r.satnum;
    }
  }
  return {
    cases: reports,
    maxPositionErrorKm,
    maxVelocityErrorKmS,
    worstPositionCase,
    worstVelocityCase,
    positionLimitKm: SGP4_POSITION_LIMIT_KM,
    velocityLimitKmS: SGP4_VELOCITY_LIMIT_KMS,
    passed: cases.length > 0 && reports.every((r) => r.passed),
  };
}
