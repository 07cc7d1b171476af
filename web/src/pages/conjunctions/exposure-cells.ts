import type { ExposureReport } from "../../api/screening-queries.ts";

export type ExposureView = "all" | "debris";
export type ExposureMeasure = "events" | "closest" | "pc";

/** One cell of the matrix under a view: the row actor's objects approached by the column actor's. */
export interface MatrixCell {
  readonly row: string;
  readonly column: string;
  readonly events: number;
  readonly closestMissKm: number;
  readonly sumPc: number;
  readonly eventsWithPc: number;
}

/** Classes of the column's object that count in the debris view (the row's object is an active payload). */
const DEBRIS_CLASSES = new Set(["debris", "rocket-body"]);

/**
 * The cells of a view. "all": events between any object of the row actor and any of the column actor (symmetric).
 * "debris": the row actor's active payloads approached by the column actor's debris and rocket bodies (asymmetric).
 */
export function matrixCells(report: ExposureReport, view: ExposureView): MatrixCell[] {
  return report.cells
    .map((cell) => {
      if (view === "all") {
        return { row: cell.rowActor, column: cell.columnActor, events: cell.events, closestMissKm: cell.closestMissKm, sumPc: cell.sumPc, eventsWithPc: cell.eventsWithPc };
      }
      const parts = cell.byClass.filter((c) => c.rowClass === "active-payload" && DEBRIS_CLASSES.has(c.columnClass));
      return {
        row: cell.rowActor,
        column: cell.columnActor,
        events: parts.reduce((sum, c) => sum + c.events, 0),
        closestMissKm: parts.reduce((min, c) => Math.min(min, c.closestMissKm), Number.POSITIVE_INFINITY),
        sumPc: parts.reduce((sum, c) => sum + c.sumPc, 0),
        eventsWithPc: parts.reduce((sum, c) => sum + c.eventsWithPc, 0),
      };
    })
    .filter((cell) => cell.events > 0);
}

/** The actors with most events in the cells (rows and columns alike), most first. */
export function leadingActors(cells: readonly MatrixCell[], limit: number): string[] {
  const totals = new Map<string, number>();
  for (const cell of cells) {
    totals.set(cell.row, (totals.get(cell.row) ?? 0) + cell.events);
    totals.set(cell.column, (totals.get(cell.column) ?? 0) + cell.events);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([actor]) => actor);
}

export function measureValue(cell: MatrixCell, measure: ExposureMeasure): number | null {
  if (measure === "events") return cell.events;
  if (measure === "closest") return Number.isFinite(cell.closestMissKm) ? cell.closestMissKm : null;
  return cell.eventsWithPc > 0 && cell.sumPc > 0 ? cell.sumPc : null;
}
