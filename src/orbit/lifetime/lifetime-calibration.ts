/**
 * The two empirical factors that adjust the published model to what real decays show, and where their values
 * come from. Pure data.
 *
 * - `solarResponseFactor` λ scales the response of the exospheric temperature to F10.7 about 150 sfu (Jacchia's
 *   3.24 K/sfu becomes λ·3.24 K/sfu). λ = 1 is Jacchia 1971 as published.
 * - `singleSetDecayBias` κ: the decay rate a single element set's ṅ/2 (or B*) implies is divided by κ before B is
 *   fitted. κ = 1 takes the drag terms at face value. History fits (decay between sets) are not affected.
 */
export interface LifetimeCalibration {
  readonly name: string;
  readonly solarResponseFactor: number;
  readonly singleSetDecayBias: number;
  /** How the values were obtained. */
  readonly source: string;
}

/** Jacchia 1971 and the element sets' drag terms exactly as published. */
export const UNCALIBRATED: LifetimeCalibration = {
  name: "none",
  solarResponseFactor: 1,
  singleSetDecayBias: 1,
  source: "Jacchia (1971) exospheric temperature and the element sets' drag terms as published",
};

/**
 * Solar cycle 25: λ = 0.4, κ = 1.4, chosen by bench/lifetime-calibration.ts: a grid (λ 0.3–0.8, κ 1.1–1.6, steps of
 * 0.1) scored in hindcast mode on the re-entries between 2023-10-10 and 2026-01-20 of Space-Track's 2023-10-09
 * catalog, over the objects not maintained at the analysis date; the point with the lowest max(median error / 20 %,
 * survivors predicted re-entered / 2 %) on the odd-numbered objects wins (0.72), and the even-numbered ones are held
 * out (14.0 % and 1.5 %). Chosen instead from the outcomes known by 2024-12-31 only, the same rule picks λ = 0.5,
 * κ = 1.3, which scores 14.4 % and 2.4 % on the later outcomes: out of time, the survivors target was missed by 0.4
 * points. With λ = 1 the model decays the 2023 objects too fast through the 2024 maximum (median −28 %), while λ = 1
 * reproduces the 1990–2000 decay of NORAD 4006 (test/orbit/lifetime): the density response to F10.7 in cycle 25 was
 * weaker than Jacchia's fit to the 1960s, so this calibration is applied only to analyses from the cycle-25 minimum on.
 */
export const CYCLE_25_CALIBRATION: LifetimeCalibration = {
  name: "cycle-25",
  solarResponseFactor: 0.4,
  singleSetDecayBias: 1.4,
  source:
    "grid search (bench/lifetime-calibration.ts) on hindcast re-entries 2023-10-10..2026-01-20 of the odd-numbered, not maintained objects of the 2023-10-09 Space-Track catalog (even-numbered held out)",
};

/** Start of solar cycle 25 (its minimum month, mean-solar-cycle.ts). */
export const CYCLE_25_START_MS = Date.UTC(2019, 11, 1);

/** The calibration for an analysis date: cycle 25's from its minimum on, none before. */
export function calibrationForAnalysis(analysisMs: number): LifetimeCalibration {
  return analysisMs >= CYCLE_25_START_MS ? CYCLE_25_CALIBRATION : UNCALIBRATED;
}

/** The calibrations by name, for `--calibration`. */
export const CALIBRATIONS: Readonly<Record<string, LifetimeCalibration>> = {
  none: UNCALIBRATED,
  "cycle-25": CYCLE_25_CALIBRATION,
};
