import type { RcsSize } from "../catalog/satcat-record.ts";
import { parseCsvRecords } from "../core/csv.ts";
import type { Rejection } from "../core/rejection.ts";

/**
 * Hard-body radius (HBR) of one object from its RCS size class, m. Model: the radius of a disc whose area is
 * the class's upper RCS bound (Space-Track's RCS_SIZE classes: SMALL < 0.1 m², MEDIUM 0.1–1 m², LARGE > 1 m²),
 * treating the radar cross-section as a proxy for the physical cross-section (true in the optical scattering
 * region, i.e. for objects larger than the radar wavelength). LARGE has no upper bound; 10 m² (r = 1.78 m) is
 * taken. An unknown class is treated as MEDIUM. These are conservative round figures, not CARA's SEM-based
 * estimates; use `loadCaraHbrTable` where those are available.
 */
export const HBR_BY_RCS_SIZE_M: Readonly<Record<RcsSize | "UNKNOWN", number>> = {
  SMALL: Math.sqrt(0.1 / Math.PI),
  MEDIUM: Math.sqrt(1 / Math.PI),
  LARGE: Math.sqrt(10 / Math.PI),
  UNKNOWN: Math.sqrt(1 / Math.PI),
};

export function hardBodyRadiusFromRcsM(rcsSize: RcsSize | null): number {
  return HBR_BY_RCS_SIZE_M[rcsSize ?? "UNKNOWN"];
}

/** The combined HBR of an encounter: the sum of the two objects' radii (a sphere enclosing both), m. */
export function combinedHardBodyRadiusM(primaryM: number, secondaryM: number): number {
  return primaryM + secondaryM;
}

export interface CaraHbrEntry {
  readonly catalogNumber: number;
  readonly hbrM: number;
  readonly hbrSigmaM: number | null;
  /** `CARA Protected Primary`, `SFK RCS Estimate`, `Default`, `CARA Override` (DISCOS rows carry no value). */
  readonly source: string;
  readonly massKg: number | null;
}

/**
 * Reads NASA CARA's HBR and mass table (`HBR_Mass_Estimates_*_ForDistribution.csv`: ObjectID, HBR, HBRSigma,
 * HBRSource, Mass, MassSigma, MassSource). Rows without an HBR (the `DISCOS DB` rows, blank because DISCOS
 * data may not be redistributed) are skipped and counted; malformed rows are Rejections.
 */
export function loadCaraHbrTable(text: string, source: string): { entries: Map<number, CaraHbrEntry>; blank: number; rejections: Rejection[] } {
  const entries = new Map<number, CaraHbrEntry>();
  const rejections: Rejection[] = [];
  let blank = 0;
  const records = parseCsvRecords(text);
  const header = records[0]?.fields.map((f) => f.trim()) ?? [];
  const column = (name: string): number => header.indexOf(name);
  const [id, hbr, sigma, hbrSource, mass] = ["ObjectID", "HBR", "HBRSigma", "HBRSource", "Mass"].map(column) as [number, number, number, number, number];
  if (id < 0 || hbr < 0 || hbrSource < 0) {
    rejections.push({ source, line: 1, recordIndex: null, field: null, reason: "header lacks ObjectID, HBR or HBRSource", raw: records[0]?.raw ?? null });
    return { entries, blank, rejections };
  }
  for (let index = 1; index < records.length; index++) {
    const record = records[index]!;
    const field = (i: number): string => (i < 0 ? "" : (record.fields[i] ?? "").trim());
    const catalogNumber = Number(field(id));
    if (record.error !== null || !Number.isInteger(catalogNumber) || catalogNumber <= 0) {
      rejections.push({ source, line: record.line, recordIndex: index - 1, field: "ObjectID", reason: record.error ?? `bad catalog number "${field(id)}"`, raw: record.raw });
      continue;
    }
    if (field(hbr) === "") {
      blank++;
      continue;
    }
    const hbrM = Number(field(hbr));
    if (!Number.isFinite(hbrM) || hbrM < 0) {
      rejections.push({ source, line: record.line, recordIndex: index - 1, field: "HBR", reason: `bad HBR "${field(hbr)}"`, raw: record.raw });
      continue;
    }
    const optional = (i: number): number | null => (field(i) === "" || !Number.isFinite(Number(field(i))) ? null : Number(field(i)));
    entries.set(catalogNumber, { catalogNumber, hbrM, hbrSigmaM: optional(sigma), source: field(hbrSource), massKg: optional(mass) });
  }
  return { entries, blank, rejections };
}
