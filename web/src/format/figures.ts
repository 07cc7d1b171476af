/** Display formats. Full precision goes to CSV downloads; screens get rounded, labelled figures. */

const COUNT = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** A figure with a fixed number of decimals, or "—". */
export function formatFixed(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  // No "-0.0000": a value that rounds to zero is zero.
  const shown = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
  return shown.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A probability of collision: "3.2e-5"; "<1e-20" below that (numerically nil); "—" when none was computed. */
export function formatPc(pc: number | null | undefined): string {
  if (pc === null || pc === undefined || !Number.isFinite(pc)) return "—";
  if (pc < 1e-20) return "<1e-20";
  if (pc >= 0.01) return pc.toFixed(3);
  return pc.toExponential(1);
}

/** "2023-10-09 14:03:12 UTC". */
export function formatUtc(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "2023-10-09" (the date part of an ISO time, UTC). */
export function formatDay(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** Whole days between an ISO time and a reference time (ms). */
export function ageDays(iso: string | null | undefined, nowMs: number): number | null {
  if (iso === null || iso === undefined) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : Math.floor((nowMs - ms) / 86_400_000);
}

/** A duration in ms as "1.2 s" or "3 min 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/** The last path segment of a file path or URL (full text stays in a title attribute). */
export function baseName(source: string): string {
  const trimmed = source.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1) || source;
}

/** When the page was loaded: the reference time for "N days ago" (rendering stays pure). */
export const PAGE_LOADED_MS = Date.now();
