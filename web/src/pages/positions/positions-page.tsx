import { Suspense, use } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { RequireRole } from "../../auth/require-role.tsx";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { counted, idParam, loadFora, loadSession } from "../fora/fora-queries.ts";
import type { Forum } from "../fora/fora-queries.ts";
import { READER_ROLES, useMayWrite } from "../fora/write-forms.tsx";
import type { WorkspaceRevision } from "../fora/workspace-revision.ts";
import { useWorkspaceRevision } from "../fora/workspace-revision.ts";
import { CreatePositionForm } from "./create-position-form.tsx";
import { POSITION_COLUMNS } from "./position-columns.tsx";
import { CLEARANCE_STATUSES, KIND_LABELS, POSITION_KINDS, STATUS_LABELS, loadPositions } from "./positions-queries.ts";
import type { ClearanceStatus, PositionFilters } from "./positions-queries.ts";
import "../fora/fora-pages.css";
import "./positions.css";

type Filters = ReturnType<typeof useUrlFilters>;

function AgendaItemFilter({ sessionId, value, revision }: { readonly sessionId: number; readonly value: string; readonly revision: number }) {
  const session = use(loadSession(sessionId, revision));
  return (
    <label className="field field-wide">
      <span>Agenda item</span>
      <select name="agendaItem" defaultValue={value}>
        <option value="">every item</option>
        {session.agendaItems.map((i) => (
          <option key={i.id} value={String(i.id)}>
            {i.itemNumber}. {i.title}
          </option>
        ))}
      </select>
    </label>
  );
}

function PositionFiltersForm({ filters, fora, revision }: { readonly filters: Filters; readonly fora: readonly Forum[]; readonly revision: number }) {
  const sessionId = idParam(filters.get("session"));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const session = String(data.get("session") ?? "");
    filters.update({
      session,
      agendaItem: session === filters.get("session") ? String(data.get("agendaItem") ?? "") : "",
      status: String(data.get("status") ?? ""),
      kind: String(data.get("kind") ?? ""),
    });
  };
  return (
    <form className="filters no-print" aria-label="Filter the positions" onSubmit={submit} key={filters.params.toString()}>
      <label className="field field-wide">
        <span>Session</span>
        <select name="session" defaultValue={filters.get("session")}>
          <option value="">every session</option>
          {fora.flatMap((f) =>
            f.sessions.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.title} ({s.startDate})
              </option>
            )),
          )}
        </select>
      </label>
      {sessionId === null ? null : (
        <Suspense fallback={<span className="field muted">Loading the agenda…</span>}>
          <AgendaItemFilter sessionId={sessionId} value={filters.get("agendaItem")} revision={revision} />
        </Suspense>
      )}
      <label className="field field-narrow">
        <span>Status</span>
        <select name="status" defaultValue={filters.get("status")}>
          <option value="">any</option>
          {CLEARANCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-narrow">
        <span>Kind</span>
        <select name="kind" defaultValue={filters.get("kind")}>
          <option value="">any</option>
          {POSITION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <div className="field-actions">
        <button type="submit">Show</button>
        <Link to="/positions" className="button-link">
          Clear
        </Link>
      </div>
    </form>
  );
}

function apiFilters(filters: Filters): PositionFilters {
  const session = idParam(filters.get("session"));
  const agendaItem = idParam(filters.get("agendaItem"));
  const status = filters.get("status");
  const kind = filters.get("kind");
  return {
    ...(session === null ? {} : { session }),
    ...(agendaItem === null ? {} : { agendaItem }),
    ...((CLEARANCE_STATUSES as readonly string[]).includes(status) ? { status: status as ClearanceStatus } : {}),
    ...((POSITION_KINDS as readonly string[]).includes(kind) ? { kind: kind as (typeof POSITION_KINDS)[number] } : {}),
  };
}

function PositionList({ filters, ws }: { readonly filters: Filters; readonly ws: WorkspaceRevision }) {
  const fora = use(loadFora(ws.revision)).items;
  const query = apiFilters(filters);
  const positions = use(loadPositions(query, ws.revision)).items;
  const mayWrite = useMayWrite();
  const filtered = Object.keys(query).length > 0;
  return (
    <>
      <PositionFiltersForm filters={filters} fora={fora} revision={ws.revision} />
      <DataTable
        caption={`${counted(positions.length, "position")}${filtered ? (positions.length === 1 ? " matches the filters" : " match the filters") : ""}, most recently changed first`}
        columns={POSITION_COLUMNS}
        rows={positions}
        rowKey={(p) => p.id}
        csvName="concord-positions"
        empty={
          <EmptyState title={filtered ? "No position matches the filters." : "No position is drafted yet."} minHeight={100}>
            {filtered ? (
              <p>
                <Link to="/positions">Clear the filters</Link> to see every position.
              </p>
            ) : mayWrite ? (
              <p>Draft the first with the form below.</p>
            ) : null}
          </EmptyState>
        }
      />
      {mayWrite ? (
        <CreatePositionForm fora={fora} initialSession={filters.get("session")} initialAgendaItem={filters.get("agendaItem")} revision={ws.revision} />
      ) : (
        <p className="write-note">You can read the positions; analysts and administrators draft, edit and clear them.</p>
      )}
    </>
  );
}

/** Our positions: position papers and talking points by session, agenda item and clearance status; a form to draft one. */
export default function PositionsPage() {
  const filters = useUrlFilters();
  const ws = useWorkspaceRevision();
  return (
    <section className="page ws-page">
      <PageHeader
        title="Positions"
        lead={
          <p>
            Our position papers and talking points per agenda item: versioned (who changed what, when), cleared by a second person before delivery, and citing
            the evidence figures they rest on.
          </p>
        }
      />
      <RequireRole roles={READER_ROLES} what="the positions">
        <AsyncBoundary what="the positions" minHeight={400} resetKey={filters.params.toString()}>
          <PositionList filters={filters} ws={ws} />
        </AsyncBoundary>
      </RequireRole>
    </section>
  );
}
