import { launchDesignatorOf } from "../catalog/fragmentation-parent.ts";

/** What an exposure matrix needs of each object of an event. */
export interface ExposureObject {
  readonly catalogNumber: number;
  /** Attributed actor; null (not in the store) counts as UNKNOWN. */
  readonly actorCode: string | null;
  /** PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN (null counts as UNKNOWN). */
  readonly objectType: string | null;
  readonly internationalDesignator: string | null;
  /** An active payload (see catalog/active-payload.ts). */
  readonly active: boolean;
}

export interface ExposureEvent {
  readonly eventId: number;
  readonly missDistanceKm: number;
  readonly pc: number | null;
  readonly primary: ExposureObject;
  readonly secondary: ExposureObject;
}

/** An object's class in the matrix: its type, payloads split by whether they are active. */
export const OBJECT_CLASSES = ["active-payload", "inactive-payload", "rocket-body", "debris", "unknown"] as const;
export type ObjectClass = (typeof OBJECT_CLASSES)[number];

export interface ExposureFigures {
  readonly events: number;
  readonly closestMissKm: number;
  /** Sum of Pc over the events that have one. */
  readonly sumPc: number;
  readonly eventsWithPc: number;
}

export interface ExposureClassCell extends ExposureFigures {
  readonly rowClass: ObjectClass;
  readonly columnClass: ObjectClass;
}

export interface ExposureCell extends ExposureFigures {
  readonly rowActor: string;
  readonly columnActor: string;
  readonly byClass: readonly ExposureClassCell[];
}

/** The launch a debris fragment came from, with its principal object (piece A). */
export interface FragmentationParent {
  readonly launchDesignator: string;
  readonly name: string | null;
  readonly catalogNumber: number | null;
  readonly actorCode: string | null;
}

export interface ParentExposure extends FragmentationParent {
  readonly approaches: number;
  readonly closestMissKm: number;
}

export interface DebrisExposure {
  readonly actor: string;
  /** Close approaches to this actor's active payloads (an event with two of them counts twice). */
  readonly activeApproaches: number;
  /** Of those, approaches by debris attributed to another actor. */
  readonly byOtherActorsDebris: number;
  readonly share: number;
  /** The fragmentation events (parent launches) that debris came from, most approaches first. */
  readonly parents: readonly ParentExposure[];
}

export interface ExposureMatrix {
  /** Every actor with an object in an event, sorted (UNKNOWN included where it occurs). */
  readonly actors: readonly string[];
  /**
   * Cell [row][column]: events between an object of the row actor and one of the column actor. An event between two
   * actors appears in both [A][B] and [B][A] (the matrix is symmetric); one within an actor appears once on the
   * diagonal. `byClass` splits a cell by the row object's class and the column object's class (on the diagonal the
   * pair is ordered by OBJECT_CLASSES).
   */
  readonly cells: readonly ExposureCell[];
  readonly debrisExposure: readonly DebrisExposure[];
  /** All events of the run (closest miss null when there are none). */
  readonly totals: Omit<ExposureFigures, "closestMissKm"> & { readonly closestMissKm: number | null };
}

const UNKNOWN = "UNKNOWN";

/** An object's class; an active object (see catalog/active-payload.ts) is an active payload whatever its catalogued type. */
export function objectClassOf(object: ExposureObject): ObjectClass {
  if (object.active) return "active-payload";
  switch (object.objectType) {
    case "PAYLOAD":
      return "inactive-payload";
    case "ROCKET BODY":
      return "rocket-body";
    case "DEBRIS":
      return "debris";
    default:
      return "unknown";
  }
}

const actorOf = (object: ExposureObject): string => object.actorCode ?? UNKNOWN;

interface MutableFigures {
  events: number;
  closestMissKm: number;
  sumPc: number;
  eventsWithPc: number;
}

const emptyFigures = (): MutableFigures => ({ events: 0, closestMissKm: Number.POSITIVE_INFINITY, sumPc: 0, eventsWithPc: 0 });

function add(figures: MutableFigures, event: ExposureEvent): void {
  figures.events += 1;
  figures.closestMissKm = Math.min(figures.closestMissKm, event.missDistanceKm);
  if (event.pc !== null) {
    figures.sumPc += event.pc;
    figures.eventsWithPc += 1;
  }
}

/**
 * Who endangers whom in one run: the actor-by-actor matrix of event counts, closest miss and summed Pc, split by object
 * class, and per actor the share of its active payloads' close approaches caused by other actors' debris, naming the
 * fragmentation events (parent launches, looked up in `parents` by launch designator) the debris came from. Pure.
 */
export function computeExposureMatrix(events: readonly ExposureEvent[], parents: ReadonlyMap<string, FragmentationParent>): ExposureMatrix {
  const cells = new Map<string, { figures: MutableFigures; byClass: Map<string, MutableFigures> }>();
  const totals = emptyFigures();
  const debris = new Map<string, { active: number; other: number; parents: Map<string, { approaches: number; closestMissKm: number }> }>();
  const actors = new Set<string>();

  const addCell = (row: ExposureObject, column: ExposureObject, event: ExposureEvent) => {
    const key = `${actorOf(row)}\u0000${actorOf(column)}`;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = { figures: emptyFigures(), byClass: new Map() }));
    add(cell.figures, event);
    const classKey = `${objectClassOf(row)}\u0000${objectClassOf(column)}`;
    let classCell = cell.byClass.get(classKey);
    if (classCell === undefined) cell.byClass.set(classKey, (classCell = emptyFigures()));
    add(classCell, event);
  };

  const addApproach = (subject: ExposureObject, other: ExposureObject, event: ExposureEvent) => {
    if (objectClassOf(subject) !== "active-payload") return;
    const actor = actorOf(subject);
    let entry = debris.get(actor);
    if (entry === undefined) debris.set(actor, (entry = { active: 0, other: 0, parents: new Map() }));
    entry.active += 1;
    if (other.objectType !== "DEBRIS" || actorOf(other) === actor) return;
    entry.other += 1;
    const launch = launchDesignatorOf(other.internationalDesignator) ?? UNKNOWN;
    const parent = entry.parents.get(launch) ?? { approaches: 0, closestMissKm: Number.POSITIVE_INFINITY };
    parent.approaches += 1;
    parent.closestMissKm = Math.min(parent.closestMissKm, event.missDistanceKm);
    entry.parents.set(launch, parent);
  };

  for (const event of events) {
    const { primary, secondary } = event;
    actors.add(actorOf(primary));
    actors.add(actorOf(secondary));
    add(totals, event);
    if (actorOf(primary) !== actorOf(secondary)) {
      addCell(primary, secondary, event);
      addCell(secondary, primary, event);
    } else if (OBJECT_CLASSES.indexOf(objectClassOf(primary)) <= OBJECT_CLASSES.indexOf(objectClassOf(secondary))) {
      addCell(primary, secondary, event);
    } else {
      addCell(secondary, primary, event);
    }
    addApproach(primary, secondary, event);
    addApproach(secondary, primary, event);
  }

  const sortedCells: ExposureCell[] = [...cells.entries()]
    .map(([key, cell]) => {
      const [rowActor, columnActor] = key.split("\u0000") as [string, string];
      const byClass = [...cell.byClass.entries()]
        .map(([classKey, figures]) => {
          const [rowClass, columnClass] = classKey.split("\u0000") as [ObjectClass, ObjectClass];
          return { rowClass, columnClass, ...figures };
        })
        .sort((a, b) => OBJECT_CLASSES.indexOf(a.rowClass) - OBJECT_CLASSES.indexOf(b.rowClass) || OBJECT_CLASSES.indexOf(a.columnClass) - OBJECT_CLASSES.indexOf(b.columnClass));
      return { rowActor, columnActor, ...cell.figures, byClass };
    })
    .sort((a, b) => a.rowActor.localeCompare(b.rowActor) || a.columnActor.localeCompare(b.columnActor));

  const debrisExposure: DebrisExposure[] = [...debris.entries()]
    .map(([actor, entry]) => ({
      actor,
      activeApproaches: entry.active,
      byOtherActorsDebris: entry.other,
      share: entry.active === 0 ? 0 : entry.other / entry.active,
      parents: [...entry.parents.entries()]
        .map(([launchDesignator, figures]) => ({
          launchDesignator,
          name: parents.get(launchDesignator)?.name ?? null,
          catalogNumber: parents.get(launchDesignator)?.catalogNumber ?? null,
          actorCode: parents.get(launchDesignator)?.actorCode ?? null,
          ...figures,
        }))
        .sort((a, b) => b.approaches - a.approaches || a.launchDesignator.localeCompare(b.launchDesignator)),
    }))
    .sort((a, b) => a.actor.localeCompare(b.actor));

  return {
    actors: [...actors].sort((a, b) => a.localeCompare(b)),
    cells: sortedCells,
    debrisExposure,
    totals: { ...totals, closestMissKm: totals.events === 0 ? null : totals.closestMissKm },
  };
}
