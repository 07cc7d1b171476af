import { Link } from "react-router";
import type { ComplianceReport } from "../../api/environment-queries.ts";
import type { TableColumn } from "../../components/data-table.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { baseName, formatCount, formatDay } from "../../format/figures.ts";
import { formatShare } from "./compliance-classes.ts";
import type { ComplianceRow } from "./compliance-classes.ts";

export type MassSource = NonNullable<ComplianceReport["massSource"]>;

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  "SFK RCS Estimate": "SFK radar estimate",
  Default: "CARA class default",
  "CARA Protected Primary": "CARA",
  "CARA Override": "CARA",
};

/** "mass known for 152 of 21,146: CARA 120, SFK radar estimate 24, CARA class default 8; unknown 20,994 (…)". */
export function massCoverage(row: ComplianceRow, what = "assessed"): string {
  const m = row.mass;
  const merged = new Map<string, number>();
  for (const s of m.bySource) merged.set(SOURCE_LABELS[s.source] ?? s.source, (merged.get(SOURCE_LABELS[s.source] ?? s.source) ?? 0) + s.objects);
  const sources = [...merged].map(([label, n]) => `${label} ${formatCount(n)}`).join(", ");
  const unknown = m.massUnknownObjects === 0 ? "" : `; unknown ${formatCount(m.massUnknownObjects)} (listed without a mass ${formatCount(m.massUnknownListed)}, not listed ${formatCount(m.massUnknownNotListed)})`;
  return `mass known for ${formatCount(m.massKnownObjects)} of ${formatCount(m.massKnownObjects + m.massUnknownObjects)} ${what}${sources === "" ? "" : `: ${sources}`}${unknown}`;
}

const tonnes = (kg: number) => (kg / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 });

/**
 * The mass columns of the compliance table: on screen the share by mass with how many masses it rests on; in the
 * CSV the mass of each class (kg), the share without CARA's class defaults and the coverage split.
 */
export function massColumns(): TableColumn<ComplianceRow>[] {
  return [
    {
      header: "Compliant share by mass",
      numeric: true,
      description: "(naturally compliant + after manoeuvre) mass / assessed mass, over the assessed objects with a usable mass estimate only",
      value: (r) => r.mass.compliantShareByMass,
      cell: (r) => (
        <>
          {formatShare(r.mass.compliantShareByMass)}
          {r.mass.massKnownObjects > 0 ? <span className="muted"> of {tonnes(r.mass.assessedMassKg)} t</span> : null}
        </>
      ),
    },
    { header: "Mass known", numeric: true, description: "Assessed objects with a usable mass estimate; the others are mass unknown, never counted as zero", value: (r) => r.mass.massKnownObjects },
    { header: "Naturally compliant (kg)", csvOnly: true, numeric: true, value: (r) => r.mass.naturallyCompliant.massKg },
    { header: "Compliant after manoeuvre (kg)", csvOnly: true, numeric: true, value: (r) => r.mass.compliantAfterManoeuvre.massKg },
    { header: "Not compliant (kg)", csvOnly: true, numeric: true, value: (r) => r.mass.notCompliant.massKg },
    { header: "Assessed mass known (kg)", csvOnly: true, numeric: true, value: (r) => r.mass.assessedMassKg },
    { header: "Compliant share by mass without CARA defaults", csvOnly: true, numeric: true, value: (r) => r.mass.compliantShareByMassWithoutDefaults },
    { header: "Mass is CARA class default", csvOnly: true, numeric: true, value: (r) => r.mass.defaultMassObjects },
    { header: "Mass unknown: listed without a mass", csvOnly: true, numeric: true, value: (r) => r.mass.massUnknownListed },
    { header: "Mass unknown: not listed", csvOnly: true, numeric: true, value: (r) => r.mass.massUnknownNotListed },
  ];
}

/** The mass source with its as-of date and the coverage of the whole table, or what to ingest when there is none. */
export function MassSourceNote({ source, totals }: { readonly source: MassSource | null; readonly totals: ComplianceRow }) {
  if (source === null) {
    return <SourceNote>no mass source in the store, so no share by mass (ingest NASA CARA&apos;s HBR_Mass_Estimates_&lt;yyyymmdd&gt;_ForDistribution.csv with concord ingest).</SourceNote>;
  }
  return (
    <SourceNote>
      masses from NASA CARA&apos;s HBR and mass estimates <Link to={`/sources/${source.ingestId}`} title={source.source}>{baseName(source.source)}</Link> (ingest #{source.ingestId}, estimates as of{" "}
      {formatDay(source.dataAsOf)}, {formatCount(source.objectsWithMass)} of {formatCount(source.objectsListed)} listed objects with a mass); {massCoverage(totals, "assessed ended objects")}. Shares by mass are over the
      known-mass objects only; {formatCount(totals.mass.defaultMassObjects)} masses are CARA&apos;s class-level defaults (the CSV also gives the share without them); ESA DISCOS masses are withheld from
      the distributed file.
    </SourceNote>
  );
}
