import { cleanedSource } from "./citation-source.ts";
import type { FigureValue } from "./evidence-figure.ts";

/** A figure of the evidence API cited by a position, as it was when cited (it keeps that value when the data moves on). */
export interface PositionCitation {
  readonly id: number;
  readonly positionId: number;
  readonly label: string;
  /** The evidence API path, e.g. `/api/states/CHN`. */
  readonly apiPath: string;
  /** JSON pointer to the value in that answer. */
  readonly pointer: string;
  readonly value: FigureValue;
  readonly valueText: string;
  readonly valueNumber: number | null;
  /**
   * The as-of date as the API gave it at citation time (figure-as-of.ts), the source as a reader-facing label (the
   * dataset's name, publishers and URLs, never a local path: citation-source.ts), and where the date was found.
   */
  readonly asOf: string | null;
  readonly source: string | null;
  readonly asOfPointer: string | null;
  readonly asOfDetail: unknown;
  readonly citedBy: number | null;
  readonly citedByLabel: string;
  readonly citedAt: string;
  readonly citedInVersion: number;
  readonly removedAt: string | null;
  readonly removedBy: number | null;
  readonly removedByLabel: string | null;
  readonly removedInVersion: number | null;
}

export type NewPositionCitation = Omit<PositionCitation, "id" | "removedAt" | "removedBy" | "removedByLabel" | "removedInVersion">;

/** What the audit log records of a citation (the figure and its dating, not the whole dated block). */
export function citationSnapshot(citation: PositionCitation | (NewPositionCitation & { readonly id: number })) {
  return {
    id: citation.id,
    label: citation.label,
    apiPath: citation.apiPath,
    pointer: citation.pointer,
    value: citation.value,
    asOf: citation.asOf,
    source: cleanedSource(citation.source),
    citedInVersion: citation.citedInVersion,
  };
}
