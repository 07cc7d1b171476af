import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConcordError } from "../../src/core/concord-error.ts";
import type { MeanElements } from "../../src/orbit/mean-elements.ts";
import { TleUnrepresentableError, formatTle } from "../../src/orbit/tle-format.ts";
import { tleChecksum } from "../../src/orbit/tle-fields.ts";
import { parseTle } from "../../src/orbit/tle-parse.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const ISS_1 = "1 25544U 98067A   19156.50900463  .00003075  00000-0  59442-4 0  9992";
const ISS_2 = "2 25544  51.6433  59.2583 0008217  16.4489 347.6017 15.51174618173442";

function iss(): MeanElements {
  const el = parseTle(`${ISS_1}\n${ISS_2}`, "x").records[0];
  if (el === undefined) throw new Error("fixture did not parse");
  return el;
}

/**
 * The writer's canonical form of a TLE line: what formatTle writes for the same values. Space-Track's file
 * differs from it only in spellings that carry no value: blank-padded catalog numbers (`   29`), explicit
 * `+` signs in columns 34, 45 and 54, and the exponent sign of a zero implied-decimal field (`00000+0`).
 */
function canonical(line: string): string {
  const chars = line.split("");
  if (line.startsWith("1 ") || line.startsWith("2 ")) for (let i = 2; i < 7 && chars[i] === " "; i++) chars[i] = "0";
  if (line.startsWith("1 ")) {
    for (const col of [33, 44, 53]) if (chars[col] === "+") chars[col] = " ";
    for (const start of [44, 53]) if (line.slice(start + 1, start + 6) === "00000" && chars[start + 6] === "+") chars[start + 6] = "-";
  }
  const body = chars.slice(0, 68).join("");
  return body + String(tleChecksum(body));
}

describe("formatTle", () => {
  it("writes back the exact lines it read", () => {
    expect(formatTle(iss())).toEqual([ISS_1, ISS_2]);
  });

  it("writes Alpha-5 for 100000-339999 and refuses 340000 with a ConcordError code", () => {
    expect(formatTle({ ...iss(), catalogNumber: 100000 })[0].slice(2, 7)).toBe("A0000");
    expect(formatTle({ ...iss(), catalogNumber: 339999 })[1].slice(2, 7)).toBe("Z9999");
    const back = parseTle(formatTle({ ...iss(), catalogNumber: 270123 }).join("\n"), "x").records[0];
    expect(back?.catalogNumber).toBe(270123);
    let thrown: unknown;
    try {
      formatTle({ ...iss(), catalogNumber: 340000 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TleUnrepresentableError);
    expect(thrown).toBeInstanceOf(ConcordError);
    expect((thrown as TleUnrepresentableError).code).toBe("TLE_UNREPRESENTABLE");
    expect((thrown as TleUnrepresentableError).field).toBe("NORAD_CAT_ID");
  });

  it("refuses values the columns cannot carry: epoch year 2057, eccentricity rounding to 1", () => {
    expect(() => formatTle({ ...iss(), epoch: "2057-01-01T00:00:00.000000Z", epochMs: Date.UTC(2057, 0, 1) })).toThrow(TleUnrepresentableError);
    expect(() => formatTle({ ...iss(), eccentricity: 0.99999999 })).toThrow(/ECCENTRICITY/);
  });

  it("writes -0 ṅ/2 as -.00000000, keeping the sign the file had", () => {
    expect(formatTle({ ...iss(), meanMotionDotRevPerDay2: -0 })[0].slice(33, 43)).toBe("-.00000000");
  });

  const catalogPath = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
  it.skipIf(!catalogPath)("round-trips all 26,140 objects of the 2023-10-09 catalog: TLE → record → TLE gives the file's lines, up to value-free spellings", () => {
    const text = readFileSync(catalogPath as string, "utf8");
    const { records } = parseTle(text, "catalog");
    const lines = text.split("\n").map((l) => l.replace(/\r$/, "")).filter((l) => l.startsWith("1 ") || l.startsWith("2 "));
    expect(records).toHaveLength(26140);
    let identical = 0;
    let onlySpelling = 0;
    let otherwise = 0;
    records.forEach((el, i) => {
      const written = formatTle(el);
      for (const k of [0, 1] as const) {
        const original = lines[2 * i + k] as string;
        if (written[k] === original) identical++;
        else if (written[k] === canonical(original)) onlySpelling++;
        else {
          otherwise++;
          if (otherwise <= 5) console.log(`differs:\n${original}\n${written[k]}`);
        }
      }
    });
    console.log(`${identical} of ${lines.length} lines identical, ${onlySpelling} differ only in value-free spellings (blank-padded catalog number, explicit +, sign of a zero exponent), ${otherwise} otherwise`);
    expect(otherwise).toBe(0);
    expect(identical + onlySpelling).toBe(52280);
    expect(identical).toBe(52280 - 1989);
  });
});
