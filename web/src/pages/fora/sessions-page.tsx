import { use } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { RequireRole } from "../../auth/require-role.tsx";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { PAGE_LOADED_MS } from "../../format/figures.ts";
import { CreateSessionForm } from "./create-session-form.tsx";
import { counted, loadCalendar, loadFora, loadProposals } from "./fora-queries.ts";
import type { CalendarSession, Forum } from "./fora-queries.ts";
import { PROPOSAL_COLUMNS, SESSION_COLUMNS } from "./session-columns.tsx";
import { READER_ROLES, useMayWrite } from "./write-forms.tsx";
import type { WorkspaceRevision } from "./workspace-revision.ts";
import { useWorkspaceRevision } from "./workspace-revision.ts";
import "./fora-pages.css";

type Filters = ReturnType<typeof useUrlFilters>;

/** The day the calendar is seen from by default: today (UTC) when the page was loaded. */
const TODAY = new Date(PAGE_LOADED_MS).toISOString().slice(0, 10);

const PHASES = [
  { key: "ongoing", title: "Ongoing", empty: "No session is under way on that day." },
  { key: "upcoming", title: "Upcoming", empty: "No session is recorded after that day." },
  { key: "concluded", title: "Concluded", empty: "No concluded session is recorded." },
] as const;

function CalendarFilters({ filters, fora }: { readonly filters: Filters; readonly fora: readonly Forum[] }) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get("from") ?? "");
    filters.update({ forum: String(data.get("forum") ?? ""), from: from === TODAY ? "" : from });
  };
  return (
    <form className="filters no-print" aria-label="Filter the calendar" onSubmit={submit} key={filters.params.toString()}>
      <label className="field field-wide">
        <span>Forum</span>
        <select name="forum" defaultValue={filters.get("forum")}>
          <option value="">every forum</option>
          {fora.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.sessions.length})
            </option>
          ))}
        </select>
      </label>
      <label className="field field-narrow">
        <span>Seen from</span>
        <input name="from" type="date" defaultValue={filters.get("from") || TODAY} required />
      </label>
      <div className="field-actions">
        <button type="submit">Show</button>
        <Link to="/sessions" className="button-link">
          Clear
        </Link>
      </div>
    </form>
  );
}

function PhaseTable({ title, sessions, empty, from }: { readonly title: string; readonly sessions: readonly CalendarSession[]; readonly empty: string; readonly from: string }) {
  return (
    <section className="section" aria-labelledby={`phase-${title}`}>
      <h2 id={`phase-${title}`}>
        {title} <span className="muted">({sessions.length})</span>
      </h2>
      <DataTable
        caption={`${counted(sessions.length, `${title.toLowerCase()} session`)}, seen from ${from}`}
        columns={SESSION_COLUMNS}
        rows={sessions}
        rowKey={(s) => s.id}
        csvName={`concord-sessions-${title.toLowerCase()}-${from}`}
        empty={<EmptyState title={empty} minHeight={80} />}
      />
    </section>
  );
}

function Calendar({ filters, ws }: { readonly filters: Filters; readonly ws: WorkspaceRevision }) {
  const forum = filters.get("forum");
  const from = /^\d{4}-\d{2}-\d{2}$/.test(filters.get("from")) ? filters.get("from") : TODAY;
  // All three reads start before the first is awaited (no waterfall).
  const reads = [loadFora(ws.revision), loadCalendar(from, forum, ws.revision), loadProposals(forum, ws.revision)] as const;
  const fora = use(reads[0]).items;
  const calendar = use(reads[1]);
  const proposals = use(reads[2]).items;
  const mayWrite = useMayWrite();
  const forumName = fora.find((f) => f.id === forum)?.name;
  return (
    <div className={ws.refreshing ? "refreshing" : undefined}>
      <CalendarFilters filters={filters} fora={fora} />
      <p className="muted">
        {forumName === undefined ? "Every forum" : forumName}, seen from {from}: {calendar.ongoing.length} ongoing, {calendar.upcoming.length} upcoming, {calendar.concluded.length}{" "}
        concluded. The sections follow the dates (a session is ongoing from its first to its last day).
      </p>
      {PHASES.map((phase) => (
        <PhaseTable key={phase.key} title={phase.title} sessions={calendar[phase.key]} empty={`${phase.empty}${phase.key === "upcoming" && mayWrite ? " Add the next one with the form at the foot of the page." : ""}`} from={from} />
      ))}
      <SourceNote>
        curated sessions: data/fora/sessions.csv, each with its source and as-of date (column “Source”); sessions entered by users name no source unless given. Every
        change is in the audit log.
      </SourceNote>
      <section className="section" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">Proposals under negotiation</h2>
        <p className="section-lead muted">Draft norms, guidelines and practices; open one for each State's stance, derived from its statements, and the tally.</p>
        <DataTable
          caption={`${counted(proposals.length, "proposal")}${forumName === undefined ? "" : ` in ${forumName}`}`}
          columns={PROPOSAL_COLUMNS}
          rows={proposals}
          rowKey={(p) => p.id}
          csvName={`concord-proposals${forum === "" ? "" : `-${forum}`}`}
          empty={<EmptyState title="No proposal is recorded yet." minHeight={80}>{mayWrite ? <p>Add one from a session's page (it belongs to the session's forum).</p> : null}</EmptyState>}
        />
      </section>
      {mayWrite ? <CreateSessionForm fora={fora} onCreated={ws.refresh} /> : null}
    </div>
  );
}

/** The calendar of the fora's sessions (ongoing, upcoming, concluded), the proposals, and a form for a new session. */
export default function SessionsPage() {
  const filters = useUrlFilters();
  const ws = useWorkspaceRevision();
  return (
    <section className="page ws-page">
      <PageHeader
        title="Sessions"
        lead={
          <p>
            Sessions of COPUOS, its subcommittees, the Conference on Disarmament, the First Committee and the other fora: what is coming, what is under way, what
            was said. Open a session for its agenda, documents and statements.
          </p>
        }
      />
      <RequireRole roles={READER_ROLES} what="the sessions of the fora">
        <AsyncBoundary what="the session calendar" minHeight={600} resetKey={filters.params.toString()}>
          <Calendar filters={filters} ws={ws} />
        </AsyncBoundary>
      </RequireRole>
    </section>
  );
}
