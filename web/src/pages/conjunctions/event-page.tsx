import { use } from "react";
import { Link, useParams } from "react-router";
import { loadEvent } from "../../api/screening-queries.ts";
import type { ConjunctionEvent } from "../../api/screening-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { downloadText } from "../../components/download-file.ts";
import { ObjectLink } from "../../components/object-link.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { formatFixed, formatPc, formatUtc } from "../../format/figures.ts";
import { EncounterGeometryFigure } from "./encounter-geometry-figure.tsx";
import { RunSourceNote } from "./run-source-note.tsx";

type EventObject = ConjunctionEvent["primary"] & { readonly role: string; readonly elementAgeDays: number; readonly state: ConjunctionEvent["primaryState"] };

const vector = (values: readonly number[], digits: number) => values.map((v) => formatFixed(v, digits)).join(", ");

const OBJECT_COLUMNS: readonly TableColumn<EventObject>[] = [
  { header: "Role", value: (o) => o.role },
  { header: "Object", value: (o) => `${o.name ?? ""} (${o.catalogNumber})`, cell: (o) => <ObjectLink catalogNumber={o.catalogNumber} name={o.name} /> },
  { header: "Designator", value: (o) => o.internationalDesignator },
  { header: "Type", value: (o) => o.objectType },
  { header: "Actor", value: (o) => o.actorCode },
  { header: "Owner", value: (o) => o.ownerCode },
  { header: "RCS", value: (o) => o.rcsSize, description: "Radar cross-section class" },
  { header: "Element age days", value: (o) => o.elementAgeDays, cell: (o) => formatFixed(o.elementAgeDays, 2), numeric: true, description: "Age of the element set at TCA" },
  { header: "Position km (TEME)", value: (o) => o.state.positionKm.join(" "), cell: (o) => vector(o.state.positionKm, 3), numeric: true },
  { header: "Velocity km/s (TEME)", value: (o) => o.state.velocityKmS.join(" "), cell: (o) => vector(o.state.velocityKmS, 5), numeric: true },
];

function Figure({ label, value, note }: { readonly label: string; readonly value: string; readonly note?: string | undefined }) {
  return (
    <div className="key-figure">
      <span className="key-figure-label">{label}</span>
      <span className="key-figure-value">{value}</span>
      {note === undefined ? null : <span className="key-figure-note">{note}</span>}
    </div>
  );
}

function EventDetails({ eventId }: { readonly eventId: number }) {
  const { event, run, cdm } = use(loadEvent(eventId));
  const objects: EventObject[] = [
    { ...event.primary, role: "Primary (object 1)", elementAgeDays: event.primaryElementAgeDays, state: event.primaryState },
    { ...event.secondary, role: "Secondary (object 2)", elementAgeDays: event.secondaryElementAgeDays, state: event.secondaryState },
  ];
  const cdmName = `concord-cdm-event-${event.id}-${event.primary.catalogNumber}-${event.secondary.catalogNumber}`;
  return (
    <>
      <PageHeader
        title={`${event.primary.name ?? event.primary.catalogNumber} – ${event.secondary.name ?? event.secondary.catalogNumber}`}
        kicker={
          <>
            <Link to={`/conjunctions?run=${run.id}`}>Run #{run.id}</Link> › event #{event.id} · TCA {formatUtc(event.tca)}
          </>
        }
      />
      <div className="key-figures">
        <Figure label="Miss distance" value={`${formatFixed(event.missDistanceKm, 3)} km`} />
        <Figure label="Relative speed" value={`${formatFixed(event.relativeSpeedKmS, 2)} km/s`} />
        <Figure
          label="Probability of collision"
          value={formatPc(event.pc)}
          note={event.pcMethod === null ? "not computed" : `${event.pcMethod}${event.covarianceSource === null ? "" : `; covariance: ${event.covarianceSource}`}`}
        />
        <Figure label="Hard-body radius" value={event.hbrM === null ? "—" : `${formatFixed(event.hbrM, 1)} m`} note="from the radar cross-section class" />
        <Figure label="Actors" value={`${event.primary.actorCode} – ${event.secondary.actorCode}`} />
      </div>
      <div className="grid-2 grid-wide-left">
        <EncounterGeometryFigure event={event} />
        <section className="card" aria-labelledby="cdm-heading">
          <h2 className="card-title" id="cdm-heading">
            Conjunction Data Message
          </h2>
          <p>This event as a CCSDS 508.0-B-1 CDM (states rotated from TEME to EME2000), for an operator's or agency's tools.</p>
          <div className="button-row no-print">
            <button type="button" onClick={() => downloadText(`${cdmName}.kvn`, cdm.kvn, "text/plain;charset=utf-8")}>
              Download CDM (KVN)
            </button>
            <button type="button" onClick={() => downloadText(`${cdmName}.xml`, cdm.xml, "application/xml;charset=utf-8")}>
              Download CDM (XML)
            </button>
          </div>
          <details>
            <summary>Show the KVN text</summary>
            <pre className="cdm-text">{cdm.kvn}</pre>
          </details>
          <SourceNote>generated by Concord from screening run #{run.id}; not an operational CDM from a space-surveillance provider.</SourceNote>
        </section>
      </div>
      <section className="section" aria-labelledby="objects-heading">
        <h2 id="objects-heading">The two objects</h2>
        <DataTable
          caption="Objects and their states at TCA"
          columns={OBJECT_COLUMNS}
          rows={objects}
          rowKey={(o) => o.role}
          csvName={`concord-event-${event.id}-objects`}
          empty={null}
          footer={<RunSourceNote run={run} />}
        />
      </section>
    </>
  );
}

/** One conjunction event: key figures, encounter geometry, the two objects and the CDM download. */
export default function EventPage() {
  const { eventId } = useParams();
  const id = Number(eventId);
  return (
    <section className="page">
      {Number.isInteger(id) && id > 0 ? (
        <AsyncBoundary what={`conjunction event #${eventId}`} minHeight={700} resetKey={eventId ?? ""} header={<PageHeader title={`Conjunction event #${eventId}`} />}>
          <EventDetails eventId={id} />
        </AsyncBoundary>
      ) : (
        <>
          <PageHeader title="Event not found" />
          <EmptyState title={`“${eventId ?? ""}” is not an event number.`}>
            <p>
              Pick an event from a run's list under <Link to="/conjunctions">Conjunctions</Link>.
            </p>
          </EmptyState>
        </>
      )}
    </section>
  );
}
