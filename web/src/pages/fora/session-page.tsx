import { use } from "react";
import { Link, useParams } from "react-router";
import { RequireRole } from "../../auth/require-role.tsx";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { counted, idParam, loadProposals, loadSession, loadSessionStatements, sessionDates } from "./fora-queries.ts";
import type { SessionDetail } from "./fora-queries.ts";
import { NotFoundBoundary } from "./not-found-boundary.tsx";
import { ProposalForm } from "./proposal-form.tsx";
import { PROPOSAL_COLUMNS } from "./session-columns.tsx";
import { SessionAgenda } from "./session-agenda.tsx";
import { SessionDocuments } from "./session-documents.tsx";
import { SessionStatements } from "./session-statements.tsx";
import { StatementForm } from "./statement-form.tsx";
import { READER_ROLES, useMayWrite } from "./write-forms.tsx";
import type { WorkspaceRevision } from "./workspace-revision.ts";
import { useWorkspaceRevision } from "./workspace-revision.ts";
import "./fora-pages.css";

function SessionFacts({ session }: { readonly session: SessionDetail }) {
  return (
    <dl className="facts session-facts">
      <div>
        <dt>Forum</dt>
        <dd>{session.forumName}</dd>
      </div>
      <div>
        <dt>Dates</dt>
        <dd>{sessionDates(session)}</dd>
      </div>
      <div>
        <dt>Venue</dt>
        <dd>{session.venue ?? "—"}</dd>
      </div>
      <div>
        <dt>Recorded status</dt>
        <dd>{session.status}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd>
          {session.sourceUrl === null ? <span className="muted">none given</span> : <LinkedText text={session.sourceUrl} />} (as of {session.asOf};{" "}
          {session.curatedKey === null ? `entered by a user on ${session.createdAt.slice(0, 10)}` : `curated: data/fora/sessions.csv, ${session.curatedKey}`})
        </dd>
      </div>
      {session.note === null ? null : (
        <div>
          <dt>Note</dt>
          <dd>
            <LinkedText text={session.note} />
          </dd>
        </div>
      )}
    </dl>
  );
}

function Session({ id, ws }: { readonly id: number; readonly ws: WorkspaceRevision }) {
  const statementsRead = loadSessionStatements(id, ws.revision);
  const session = use(loadSession(id, ws.revision));
  const statements = use(statementsRead).items;
  const proposals = use(loadProposals(session.forumId, ws.revision)).items;
  const filters = useUrlFilters();
  const mayWrite = useMayWrite();
  return (
    <div className={ws.refreshing ? "refreshing" : undefined}>
      <PageHeader
        title={session.title}
        kicker={
          <>
            <Link to="/sessions">Sessions</Link> · {session.forumName} · {sessionDates(session)}
          </>
        }
      />
      <SessionFacts session={session} />
      {mayWrite ? null : <p className="write-note">You can read this session; analysts and administrators add and correct its agenda items, documents and statements.</p>}

      <h2 id="agenda">Agenda</h2>
      <SessionAgenda session={session} statements={statements} mayWrite={mayWrite} onChanged={ws.refresh} />

      <h2 id="documents">Documents</h2>
      <SessionDocuments session={session} mayWrite={mayWrite} onChanged={ws.refresh} />

      <h2 id="statements">Statements</h2>
      <SessionStatements session={session} statements={statements} proposals={proposals} filters={filters} mayWrite={mayWrite} onChanged={ws.refresh} />
      {mayWrite ? <StatementForm session={session} proposals={proposals} onRecorded={ws.refresh} /> : null}

      <h2 id="proposals">Proposals in {session.forumName}</h2>
      <DataTable
        caption={`${counted(proposals.length, "proposal")} in this forum`}
        columns={PROPOSAL_COLUMNS}
        rows={proposals}
        rowKey={(p) => p.id}
        csvName={`concord-proposals-${session.forumId}`}
        empty={<EmptyState title="No proposal is recorded in this forum." minHeight={80} />}
      />
      {mayWrite ? <ProposalForm forumId={session.forumId} forumName={session.forumName} onCreated={ws.refresh} /> : null}
    </div>
  );
}

/** Not found: the id is not a session (or not a number). */
function NoSuchSession({ id }: { readonly id: string }) {
  return (
    <>
      <PageHeader title="Session not found" kicker={<Link to="/sessions">Sessions</Link>} />
      <EmptyState title={`There is no session ${id}.`}>
        <p>
          It may have been removed, or the link may be wrong. See the <Link to="/sessions">calendar of sessions</Link>.
        </p>
      </EmptyState>
    </>
  );
}

/** One session: its agenda, documents, statements by item and speaker, and its forum's proposals; forms for writers. */
export default function SessionPage() {
  const { id: raw = "" } = useParams();
  const id = idParam(raw);
  const ws = useWorkspaceRevision();
  return (
    <section className="page ws-page">
      <RequireRole roles={READER_ROLES} what="this session">
        {id === null ? (
          <NoSuchSession id={raw} />
        ) : (
          <AsyncBoundary what={`session ${id}`} minHeight={700} resetKey={String(id)} header={<PageHeader title={`Session ${id}`} kicker={<Link to="/sessions">Sessions</Link>} />}>
            <NotFoundBoundary fallback={<NoSuchSession id={raw} />}>
              <Session id={id} ws={ws} />
            </NotFoundBoundary>
          </AsyncBoundary>
        )}
      </RequireRole>
    </section>
  );
}
