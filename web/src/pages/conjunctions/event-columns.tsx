import { Link } from "react-router";
import type { ConjunctionEvent } from "../../api/screening-queries.ts";
import type { TableColumn } from "../../components/data-table.tsx";
import { ObjectLink } from "../../components/object-link.tsx";
import { formatFixed, formatPc, formatUtc } from "../../format/figures.ts";

type EventObject = ConjunctionEvent["primary"];

/** The object's link, with its actor and type beneath (both also separate CSV columns). */
function objectCell(object: EventObject) {
  return (
    <>
      <ObjectLink catalogNumber={object.catalogNumber} name={object.name} />
      <span className="cell-sub">
        {object.actorCode} · {(object.objectType ?? "unknown type").toLowerCase()}
      </span>
    </>
  );
}

/** The columns of every conjunction-event table (overview, run events). */
export const EVENT_COLUMNS: readonly TableColumn<ConjunctionEvent>[] = [
  {
    header: "Event",
    value: (e) => e.id,
    cell: (e) => <Link to={`/conjunctions/events/${e.id}`} aria-label={`Event ${e.id}: details and CDM`}>#{e.id}</Link>,
  },
  { header: "TCA (UTC)", value: (e) => e.tca, cell: (e) => formatUtc(e.tca).replace(" UTC", ""), description: "Time of closest approach" },
  { header: "Primary", value: (e) => `${e.primary.name ?? ""} (${e.primary.catalogNumber})`, cell: (e) => objectCell(e.primary), description: "Primary object, its actor and type" },
  { header: "Actor 1", value: (e) => e.primary.actorCode, csvOnly: true },
  { header: "Type 1", value: (e) => e.primary.objectType, csvOnly: true },
  { header: "Secondary", value: (e) => `${e.secondary.name ?? ""} (${e.secondary.catalogNumber})`, cell: (e) => objectCell(e.secondary), description: "Secondary object, its actor and type" },
  { header: "Actor 2", value: (e) => e.secondary.actorCode, csvOnly: true },
  { header: "Type 2", value: (e) => e.secondary.objectType, csvOnly: true },
  { header: "Miss km", value: (e) => e.missDistanceKm, cell: (e) => formatFixed(e.missDistanceKm, 3), numeric: true },
  { header: "Radial km", value: (e) => e.missRtnKm[0], cell: (e) => formatFixed(e.missRtnKm[0], 2), numeric: true },
  { header: "In-track km", value: (e) => e.missRtnKm[1], cell: (e) => formatFixed(e.missRtnKm[1], 2), numeric: true },
  { header: "Cross-track km", value: (e) => e.missRtnKm[2], cell: (e) => formatFixed(e.missRtnKm[2], 2), numeric: true },
  { header: "Speed km/s", value: (e) => e.relativeSpeedKmS, cell: (e) => formatFixed(e.relativeSpeedKmS, 2), numeric: true, description: "Relative speed at TCA" },
  { header: "Pc", value: (e) => e.pc, cell: (e) => formatPc(e.pc), numeric: true, description: "Probability of collision (2D, Foster), default covariance for GP element sets" },
];

/** Shorter columns for the overview's lists. */
export const EVENT_SUMMARY_COLUMNS: readonly TableColumn<ConjunctionEvent>[] = EVENT_COLUMNS.filter((column) =>
  ["Event", "TCA (UTC)", "Primary", "Actor 1", "Type 1", "Secondary", "Actor 2", "Type 2", "Miss km", "Speed km/s", "Pc"].includes(column.header),
);
