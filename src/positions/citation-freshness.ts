import { cleanedSource, figureSourceLabel } from "./citation-source.ts";
import { canonicalJson } from "./evidence-figure.ts";
import type { FigureReading, FigureValue } from "./evidence-figure.ts";
import type { EvidenceLookup } from "./evidence-resolver.ts";

/**
 * A cited figure beside the same figure now. The citation keeps the value and as-of date it was cited with; the check
 * reads the same path and pointer again and says whether the evidence has moved on:
 * - `valueChanged`: the value differs;
 * - `asOfChanged`: the date, source (label) or dated block differs (a new ingest, a newer act) even where the value is equal;
 * - `newerValueExists`: either of them, i.e. the evidence base now states this figure differently or as of another
 *   date than the position cites;
 * - `current` null with a `problem` when the figure cannot be read now (the route answers an error, the pointer leads
 *   nowhere): unknown, which is not "unchanged" (newerValueExists false, `status` "unavailable").
 * Pure.
 */
export interface CitedFigureState {
  readonly value: FigureValue;
  readonly asOf: string | null;
  readonly source: string | null;
  readonly asOfDetail: unknown;
}

export interface CurrentFigure {
  readonly value: FigureValue;
  readonly valueText: string;
  readonly valueNumber: number | null;
  readonly asOf: string | null;
  readonly source: string | null;
  readonly asOfPointer: string | null;
}

export interface CitationFreshness {
  readonly status: "unchanged" | "newer" | "unavailable";
  readonly current: CurrentFigure | null;
  readonly valueChanged: boolean;
  readonly asOfChanged: boolean;
  readonly newerValueExists: boolean;
  readonly problem: string | null;
}

function unavailable(problem: string): CitationFreshness {
  return { status: "unavailable", current: null, valueChanged: false, asOfChanged: false, newerValueExists: false, problem };
}

/** Compares a citation with a fresh reading of its figure (or the failed lookup of its path). */
export function compareCitedFigure(cited: CitedFigureState, lookup: EvidenceLookup, reading: FigureReading | null): CitationFreshness {
  if (!lookup.ok) return unavailable(lookup.problem);
  if (reading === null) return unavailable("not read");
  if (!reading.ok) return unavailable(reading.problem);
  const { figure } = reading;
  const valueChanged = figure.value !== cited.value;
  // The source compares as labels (citation-source.ts); a citation kept before labels named the dataset compares by
  // its source alone, cleaned the same way.
  const sourceNow = figureSourceLabel(figure.asOf);
  const citedSource = cleanedSource(cited.source);
  const sourceChanged = citedSource !== sourceNow && citedSource !== cleanedSource(figure.asOf.source);
  const asOfChanged = figure.asOf.asOf !== cited.asOf || sourceChanged || canonicalJson(figure.asOf.detail) !== canonicalJson(cited.asOfDetail);
  const newerValueExists = valueChanged || asOfChanged;
  return {
    status: newerValueExists ? "newer" : "unchanged",
    current: {
      value: figure.value,
      valueText: figure.valueText,
      valueNumber: figure.valueNumber,
      asOf: figure.asOf.asOf,
      source: sourceNow,
      asOfPointer: figure.asOf.pointer,
    },
    valueChanged,
    asOfChanged,
    newerValueExists,
    problem: null,
  };
}
