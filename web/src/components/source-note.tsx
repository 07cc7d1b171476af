import type { ReactNode } from "react";
import { Link } from "react-router";
import type { AsOf, IngestRef } from "../api/api-client.ts";
import { baseName, formatDay, formatUtc } from "../format/figures.ts";

/** The source and as-of line under every figure and table. */
export function SourceNote({ children }: { readonly children: ReactNode }) {
  return (
    <p className="source-note">
      <span className="source-label">Source:</span> {children}
    </p>
  );
}

function ingestText(label: string, ref: IngestRef, epochs: boolean): ReactNode {
  return (
    <>
      {label} <Link to={`/sources/${ref.ingestId}`} title={ref.source}>{baseName(ref.source)}</Link> (ingest #{ref.ingestId}, retrieved {formatUtc(ref.retrievedAt)}
      {epochs && ref.epochMin !== null ? `; epochs ${formatDay(ref.epochMin)} to ${formatDay(ref.epochMax)}, median ${formatDay(ref.epochMedian)}` : ""})
      {ref.dataAsOf === null ? "" : `, data as of ${formatDay(ref.dataAsOf)}`}
    </>
  );
}

/** "Source: SATCAT x (ingest #1 …), data as of 2026-01-20; element sets y …" from an API `asOf` block. */
export function AsOfNote({ asOf, parts = ["satcat"], prefix }: { readonly asOf: AsOf; readonly parts?: readonly ("satcat" | "elementSets")[]; readonly prefix?: ReactNode }) {
  const pieces: ReactNode[] = [];
  if (parts.includes("satcat")) pieces.push(asOf.satcat === null ? "no SATCAT ingested yet" : ingestText("SATCAT", asOf.satcat, false));
  if (parts.includes("elementSets")) pieces.push(asOf.elementSets === null ? "no element sets ingested yet" : ingestText("element sets", asOf.elementSets, true));
  return (
    <SourceNote>
      {prefix}
      {pieces.map((piece, index) => (
        <span key={index}>
          {index > 0 ? "; " : ""}
          {piece}
        </span>
      ))}
      .
    </SourceNote>
  );
}
