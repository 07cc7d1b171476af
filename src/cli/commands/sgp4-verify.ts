import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { NotFoundError } from "../../core/concord-error.ts";
import { verifySgp4 } from "../../orbit/sgp4-verify.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { parseCommandArgs } from "../global-flags.ts";

/** Where the verification files are looked for when `--dir` is not given: beside the checkout, then Debian's python3-sgp4. */
export const SGP4_VERIFICATION_DIRS = [
  fileURLToPath(new URL("../../../../shared/data/sgp4/", import.meta.url)),
  "/usr/lib/python3/dist-packages/sgp4/",
];

/**
 * `concord sgp4-verify [--dir PATH] [--json]`: satellite.js SGP4 against the C++ reference output (`tcppver.out`) of
 * Vallado et al. (2006) for every case of `SGP4-VER.TLE`; exit 5 past 1e-6 km or 1e-8 km/s, or when a case that must
 * stop (decay, eccentricity out of range) does not stop with the same SGP4 error.
 */
export async function runSgp4Verify(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("sgp4-verify", args, { dir: { type: "string" }, json: { type: "boolean" } }, false);
  const candidates = values.dir !== undefined ? [values.dir] : SGP4_VERIFICATION_DIRS;
  const dir = candidates.find((d) => existsSync(join(d, "SGP4-VER.TLE")) && existsSync(join(d, "tcppver.out")));
  if (dir === undefined) {
    throw new NotFoundError(
      "verification files",
      `SGP4-VER.TLE and tcppver.out not found in ${candidates.join(" or ")}; install Debian's python3-sgp4 or pass --dir`,
    );
  }
  const report = verifySgp4(readFileSync(join(dir, "SGP4-VER.TLE"), "utf8"), readFileSync(join(dir, "tcppver.out"), "utf8"));
  if (values.json) {
    writeJson(io, { reference: "Vallado et al. (2006), AIAA 2006-6753, tcppver.out", directory: dir, ...report });
  } else {
    writeLine(
      io,
      formatTable(
        ["case", "states", "max |Δr| km", "max |Δv| km/s", "stop", "result"],
        report.cases.map((c) => [
          c.satnum,
          c.referenceCount,
          c.maxPositionErrorKm.toExponential(2),
          c.maxVelocityErrorKmS.toExponential(2),
          c.stop === null ? "" : `at ${c.stop.stopMin} min: error ${c.stop.actualErrorCode} (expected ${c.stop.expectedErrorCode ?? "?"})`,
          c.passed ? "ok" : `FAIL ${c.problems.join("; ")}`,
        ]),
      ),
    );
    writeLine(io);
    writeLine(
      io,
      `Largest errors: position ${report.maxPositionErrorKm.toExponential(3)} km (case ${report.worstPositionCase}; limit ${report.positionLimitKm} km), ` +
        `velocity ${report.maxVelocityErrorKmS.toExponential(3)} km/s (case ${report.worstVelocityCase}; limit ${report.velocityLimitKmS} km/s).`,
    );
    writeLine(io, `${report.passed ? "PASSED" : "FAILED"}: ${report.cases.length} cases from ${dir}`);
  }
  return report.passed ? EXIT.ok : EXIT.verificationFailed;
}
