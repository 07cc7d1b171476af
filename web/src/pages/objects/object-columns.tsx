import { Link } from "react-router";
import type { Schemas } from "../../api/api-client.ts";
import type { TableColumn } from "../../components/data-table.tsx";
import { formatFixed } from "../../format/figures.ts";

type SpaceObject = Schemas["SpaceObject"];

export const OBJECT_COLUMNS: readonly TableColumn<SpaceObject>[] = [
  { header: "Catalog no.", value: (o) => o.catalogNumber, cell: (o) => <Link to={`/objects/${o.catalogNumber}`}>{o.catalogNumber}</Link>, numeric: true },
  { header: "Name", value: (o) => o.name, cell: (o) => <Link to={`/objects/${o.catalogNumber}`}>{o.name ?? "unnamed"}</Link> },
  { header: "Designator", value: (o) => o.internationalDesignator, description: "International (COSPAR) designator" },
  { header: "Type", value: (o) => o.objectType },
  { header: "Actor", value: (o) => o.actorCode, cell: (o) => <span title={o.actorName ?? undefined}>{o.actorCode}</span>, description: "Attributed state, historic state, organisation or UNKNOWN" },
  { header: "Owner", value: (o) => o.ownerCode, description: "The SATCAT's owner code" },
  { header: "Regime", value: (o) => o.orbitRegime, description: "ESA orbit class" },
  { header: "Launch", value: (o) => o.launchDate },
  { header: "Re-entry", value: (o) => o.decayDate },
  { header: "Perigee km", value: (o) => o.perigeeKm, cell: (o) => formatFixed(o.perigeeKm, 0), numeric: true },
  { header: "Apogee km", value: (o) => o.apogeeKm, cell: (o) => formatFixed(o.apogeeKm, 0), numeric: true },
  { header: "Incl. °", value: (o) => o.inclinationDeg, cell: (o) => formatFixed(o.inclinationDeg, 1), numeric: true, description: "Inclination, degrees" },
  { header: "Period min", value: (o) => o.periodMin, cell: (o) => formatFixed(o.periodMin, 1), numeric: true },
];
