import { use } from "react";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { Schemas } from "../../api/api-client.ts";
import { loadObject } from "../../api/catalog-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AsOfNote, SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { baseName, formatFixed, formatUtc } from "../../format/figures.ts";
import { apsisAltitudesKm, ElementHistoryFigure } from "./element-history-figure.tsx";

const HISTORY_LIMIT = 200;

type ObjectDetail = Schemas["SpaceObjectDetail"];
type ElementSet = Schemas["ElementSet"];

function Facts({ rows }: { readonly rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value === null || value === undefined || value === "" ? "—" : value}</dd>
        </div>
      ))}
    </dl>
  );
}

const HISTORY_COLUMNS: readonly TableColumn<ElementSet>[] = [
  { header: "Epoch (UTC)", value: (s) => s.epoch, cell: (s) => formatUtc(s.epoch).replace(" UTC", "") },
  { header: "Mean motion rev/day", value: (s) => s.meanMotionRevPerDay, cell: (s) => formatFixed(s.meanMotionRevPerDay, 8), numeric: true },
  { header: "Eccentricity", value: (s) => s.eccentricity, cell: (s) => formatFixed(s.eccentricity, 7), numeric: true },
  { header: "Incl. °", value: (s) => s.inclinationDeg, cell: (s) => formatFixed(s.inclinationDeg, 4), numeric: true },
  { header: "RAAN °", value: (s) => s.raOfAscNodeDeg, cell: (s) => formatFixed(s.raOfAscNodeDeg, 4), numeric: true },
  { header: "Arg. perigee °", value: (s) => s.argOfPericenterDeg, cell: (s) => formatFixed(s.argOfPericenterDeg, 4), numeric: true },
  { header: "Mean anomaly °", value: (s) => s.meanAnomalyDeg, cell: (s) => formatFixed(s.meanAnomalyDeg, 4), numeric: true },
  { header: "B* 1/ER", value: (s) => s.bstarPerEarthRadii, cell: (s) => s.bstarPerEarthRadii.toExponential(3), numeric: true },
  { header: "Perigee km", value: (s) => apsisAltitudesKm(s).perigeeKm, cell: (s) => formatFixed(apsisAltitudesKm(s).perigeeKm, 1), numeric: true },
  { header: "Apogee km", value: (s) => apsisAltitudesKm(s).apogeeKm, cell: (s) => formatFixed(apsisAltitudesKm(s).apogeeKm, 1), numeric: true },
  { header: "Format", value: (s) => s.format },
  { header: "Ingest", value: (s) => s.ingestId, cell: (s) => <Link to={`/sources/${s.ingestId}`}>#{s.ingestId}</Link>, numeric: true },
];

function ObjectDetails({ catalogNumber }: { readonly catalogNumber: number }) {
  const object: ObjectDetail = use(loadObject(catalogNumber, HISTORY_LIMIT));
  const name = object.name ?? `object ${object.catalogNumber}`;
  const history = object.elementHistory.items;
  const { firstIngest, lastIngest } = object.provenance;
  return (
    <>
      <PageHeader
        title={name}
        kicker={
          <>
            <Link to="/objects">Objects</Link> › catalog number {object.catalogNumber}
            {object.internationalDesignator === null ? "" : ` · ${object.internationalDesignator}`} · {object.objectType.toLowerCase()}
          </>
        }
      />
      <div className="cards cards-3">
        <div className="card">
          <h2 className="card-title">Owner and attribution</h2>
          <Facts
            rows={[
              ["Attributed to", object.actor === null ? object.actorCode : `${object.actor.name} (${object.actor.code}, ${object.actor.kind})`],
              ["SATCAT owner code", object.owner === null ? object.ownerCode : `${object.owner.code}: ${object.owner.name}`],
              ["Member states", object.actor !== null && object.actor.memberStates.length > 0 ? object.actor.memberStates.join(", ") : null],
              ["Basis", object.actor?.membershipBasis ?? null],
              ["Attribution source", object.actor === null ? null : <LinkedText text={object.actor.source} />],
            ]}
          />
        </div>
        <div className="card">
          <h2 className="card-title">Orbit</h2>
          <Facts
            rows={[
              ["Regime", <span title={object.regime.definition}>{`${object.regime.code}: ${object.regime.label}`}</span>],
              ["Perigee × apogee", object.perigeeKm === null ? null : `${formatFixed(object.perigeeKm, 0)} × ${formatFixed(object.apogeeKm, 0)} km`],
              ["Inclination", object.inclinationDeg === null ? null : `${formatFixed(object.inclinationDeg, 2)}°`],
              ["Period", object.periodMin === null ? null : `${formatFixed(object.periodMin, 1)} min`],
              ["Radar cross-section", object.rcsSize],
              ["Launch", object.launchDate === null ? null : `${object.launchDate}${object.launchSite === null ? "" : ` from ${object.launchSite}`}`],
              ["Re-entry", object.decayDate ?? "on orbit (no decay date)"],
              ["Operational status", object.operationalStatus],
            ]}
          />
          <SourceNote>
            orbit figures from the SATCAT; regime after <LinkedText text={object.regime.source} />.
          </SourceNote>
        </div>
        <div className="card">
          <h2 className="card-title">Sources</h2>
          <Facts
            rows={[
              ["Known from", object.recordOrigin === "satcat" ? "the SATCAT" : "element sets only (not in the SATCAT ingested)"],
              ["First seen in", firstIngest === null ? null : <Link to={`/sources/${firstIngest.ingestId}`} title={firstIngest.source}>{`#${firstIngest.ingestId} ${baseName(firstIngest.source)}`}</Link>],
              ["Last updated by", lastIngest === null ? null : <Link to={`/sources/${lastIngest.ingestId}`} title={lastIngest.source}>{`#${lastIngest.ingestId} ${baseName(lastIngest.source)}`}</Link>],
              ["Element sets stored", `${history.length}${history.length === object.elementHistory.limit ? "+ (newest shown)" : ""}`],
            ]}
          />
          <AsOfNote asOf={object.asOf} parts={["satcat", "elementSets"]} />
        </div>
      </div>
      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">Element history</h2>
        {history.length === 0 ? (
          <EmptyState title="No element set is stored for this object." minHeight={120}>
            <p>Ingest a TLE or OMM file that carries it (<code>npx concord ingest FILE</code>); decayed objects often have none in current catalogs.</p>
          </EmptyState>
        ) : (
          <>
            <ElementHistoryFigure sets={history} name={name} />
            <DataTable
              caption={`Element sets, newest first (${history.length})`}
              columns={HISTORY_COLUMNS}
              rows={history}
              rowKey={(s) => s.id}
              csvName={`concord-object-${object.catalogNumber}-element-sets`}
              empty={null}
            />
          </>
        )}
      </section>
    </>
  );
}

/** One object: attribution, orbit, provenance and element history. */
export default function ObjectPage() {
  const { catalogNumber } = useParams();
  const number = Number(catalogNumber);
  return (
    <section className="page">
      {Number.isInteger(number) && number > 0 ? (
        <AsyncBoundary what={`object ${catalogNumber}`} minHeight={600} resetKey={catalogNumber ?? ""} header={<PageHeader title={`Object ${catalogNumber}`} />}>
          <ObjectDetails catalogNumber={number} />
        </AsyncBoundary>
      ) : (
        <>
          <PageHeader title="Object not found" />
          <EmptyState title={`“${catalogNumber ?? ""}” is not a catalog number.`}>
            <p>
              Catalog numbers are positive integers (25544 is the ISS). <Link to="/objects">Search the catalog</Link> by name or designator.
            </p>
          </EmptyState>
        </>
      )}
    </section>
  );
}
