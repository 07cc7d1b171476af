import { asOfAtPointer, findFigureAsOf } from "./figure-as-of.ts";
import type { FigureAsOf } from "./figure-as-of.ts";
import { parseJsonPointer, resolveJsonPointerPath } from "./json-pointer.ts";

/** A figure read from an evidence answer: a scalar at a JSON pointer, with the as-of date and source beside it. Pure. */

export type FigureValue = string | number | boolean;

export interface EvidenceFigure {
  readonly value: FigureValue;
  /** The value as text (numbers in JavaScript's shortest round-trip form). */
  readonly valueText: string;
  /** The value when it is a number, else null. */
  readonly valueNumber: number | null;
  readonly asOf: FigureAsOf;
}

export type FigureReading =
  | { readonly ok: true; readonly figure: EvidenceFigure }
  | { readonly ok: false; readonly field: "pointer" | "asOfPointer"; readonly problem: string };

/**
 * The figure at `pointer` in an evidence answer. A figure is a string, number or boolean: an object, array or null
 * (unknown) is not citable. `asOfPointer`, when given, says where its date is; otherwise figure-as-of.ts finds it.
 */
export function readEvidenceFigure(body: unknown, pointer: string, asOfPointer: string | null = null): FigureReading {
  const tokens = parseJsonPointer(pointer);
  if (tokens === null) return { ok: false, field: "pointer", problem: `${JSON.stringify(pointer)} is not a JSON pointer (RFC 6901: "" or /key/0/…)` };
  const chain = resolveJsonPointerPath(body, tokens);
  if (chain === null) return { ok: false, field: "pointer", problem: `the answer has no value at ${JSON.stringify(pointer)}` };
  const value = chain.at(-1);
  if (typeof value === "number" && !Number.isFinite(value)) return { ok: false, field: "pointer", problem: "the value is not a finite number" };
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    const what = value === null ? "null (unknown)" : Array.isArray(value) ? "a list" : "an object";
    return { ok: false, field: "pointer", problem: `the value at ${JSON.stringify(pointer)} is ${what}; cite one figure (a number, text or yes/no)` };
  }
  let asOf: FigureAsOf;
  if (asOfPointer === null) asOf = findFigureAsOf(chain, tokens);
  else {
    const explicit = asOfAtPointer(body, asOfPointer);
    if (explicit === null) return { ok: false, field: "asOfPointer", problem: `no date at ${JSON.stringify(asOfPointer)}: point at a date (or null), or at an object holding asOf` };
    asOf = explicit;
  }
  return { ok: true, figure: { value, valueText: String(value), valueNumber: typeof value === "number" ? value : null, asOf } };
}

/** Canonical JSON (object keys sorted), so two answers that say the same compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
