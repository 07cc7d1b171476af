import { use } from "react";
import { Link, useParams } from "react-router";
import { RequireRole } from "../../auth/require-role.tsx";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { MarkdownHtml } from "../../components/markdown-html.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { formatUtc } from "../../format/figures.ts";
import { idParam } from "../fora/fora-queries.ts";
import { NotFoundBoundary } from "../fora/not-found-boundary.tsx";
import { READER_ROLES, useMayWrite } from "../fora/write-forms.tsx";
import type { WorkspaceRevision } from "../fora/workspace-revision.ts";
import { useWorkspaceRevision } from "../fora/workspace-revision.ts";
import { CiteFigureForm } from "./cite-figure-form.tsx";
import { PersonName } from "./person-name.tsx";
import { StatusChip } from "./position-columns.tsx";
import { PositionCitations } from "./position-citations.tsx";
import { PositionClearance } from "./position-clearance.tsx";
import { PositionEditor } from "./position-editor.tsx";
import { PositionHistory } from "./position-history.tsx";
import { KIND_LABELS, loadPosition, loadPositionVersions } from "./positions-queries.ts";
import type { PositionDetail } from "./positions-queries.ts";
import "../fora/fora-pages.css";
import "./positions.css";

type Filters = ReturnType<typeof useUrlFilters>;

function PositionKicker({ position }: { readonly position: PositionDetail }) {
  return (
    <>
      <Link to="/positions">Positions</Link> · {KIND_LABELS[position.kind]}
      {position.forumSession === null ? null : (
        <>
          {" "}
          · <Link to={`/sessions/${position.forumSession.id}`}>{position.forumSession.title}</Link>
        </>
      )}
      {position.agendaItem === null ? null : (
        <>
          {" "}
          · item {position.agendaItem.itemNumber}. {position.agendaItem.title}
        </>
      )}
    </>
  );
}

function Position({ id, filters, ws }: { readonly id: number; readonly filters: Filters; readonly ws: WorkspaceRevision }) {
  const versionsRead = loadPositionVersions(id, ws.revision);
  const position = use(loadPosition(id, ws.revision));
  const versions = use(versionsRead);
  const mayWrite = useMayWrite();
  const mayChange = mayWrite && position.status !== "delivered";
  const { text } = position;
  return (
    <div className={ws.refreshing ? "refreshing" : undefined}>
      <PageHeader
        title={position.title}
        kicker={<PositionKicker position={position} />}
        lead={
          <p>
            <StatusChip status={position.status} /> Version {position.currentVersion}, by <PersonName person={text.changedBy} />, {formatUtc(text.changedAt)}
            {text.note === null ? "" : ` — “${text.note}”`}. Drafted by <PersonName person={position.createdBy} />, {formatUtc(position.createdAt)}.
          </p>
        }
      />
      {filters.get("created") === "1" && position.currentVersion === 1 && position.status === "draft" ? (
        <p className="form-done" role="status">
          Drafted: version 1 is saved as a draft. Cite the figures it rests on, then submit it for review.
        </p>
      ) : null}
      {mayWrite ? null : <p className="write-note">You can read this position; analysts and administrators edit, cite and clear it.</p>}
      <div className="position-layout">
        <div>
          <h2 id="text-heading">Text (version {position.currentVersion})</h2>
          <article className="position-text" aria-labelledby="text-heading">
            <MarkdownHtml html={text.html} />
          </article>
          <SourceNote>
            the text as saved in version {position.currentVersion} (<PersonName person={text.changedBy} />, {formatUtc(text.changedAt)}), rendered and sanitised by the server. Its figures
            are below, each with its own source and as-of date.
          </SourceNote>
        </div>
        <PositionClearance position={position} onChanged={ws.refresh} />
      </div>
      {mayChange ? <PositionEditor position={position} onSaved={ws.refresh} /> : null}
      {mayWrite ? (
        <p>
          <Link to={`/consultations/new?position=${position.id}`}>Consult stakeholders on this position</Link> (the consultation publishes a copy of its text; the
          position itself is never shown to stakeholders).
        </p>
      ) : null}

      <h2 id="figures-heading">Cited figures</h2>
      <p className="section-lead muted">
        Each figure keeps the value and as-of date it had when cited, even when the evidence base moves on; “Now” reads it again and says when a newer value exists.
      </p>
      <PositionCitations position={position} mayChange={mayChange} onChanged={ws.refresh} />
      {mayChange ? <CiteFigureForm position={position} onCited={ws.refresh} /> : null}

      <h2 id="history-heading">History</h2>
      <PositionHistory positionId={position.id} versions={versions} filters={filters} revision={ws.revision} />
    </div>
  );
}

function NoSuchPosition({ id }: { readonly id: string }) {
  return (
    <>
      <PageHeader title="Position not found" kicker={<Link to="/positions">Positions</Link>} />
      <EmptyState title={`There is no position ${id}.`}>
        <p>
          See the <Link to="/positions">list of positions</Link>.
        </p>
      </EmptyState>
    </>
  );
}

/** One position: its text, clearance and next steps, an editor, its cited figures with their freshness, and its history. */
export default function PositionPage() {
  const { id: raw = "" } = useParams();
  const id = idParam(raw);
  const filters = useUrlFilters();
  const ws = useWorkspaceRevision();
  return (
    <section className="page ws-page">
      <RequireRole roles={READER_ROLES} what="this position">
        {id === null ? (
          <NoSuchPosition id={raw} />
        ) : (
          <AsyncBoundary what={`position ${id}`} minHeight={800} resetKey={String(id)} header={<PageHeader title={`Position ${id}`} kicker={<Link to="/positions">Positions</Link>} />}>
            <NotFoundBoundary fallback={<NoSuchPosition id={raw} />}>
              <Position id={id} filters={filters} ws={ws} />
            </NotFoundBoundary>
          </AsyncBoundary>
        )}
      </RequireRole>
    </section>
  );
}
