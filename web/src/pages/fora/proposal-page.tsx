import { use } from "react";
import { Link, useParams } from "react-router";
import { RequireRole } from "../../auth/require-role.tsx";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { MarkdownHtml } from "../../components/markdown-html.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { counted, idParam, loadFora, loadProposal } from "./fora-queries.ts";
import type { ProposalDetail } from "./fora-queries.ts";
import { NotFoundBoundary } from "./not-found-boundary.tsx";
import { ProposalChanges, StatusHistory } from "./proposal-changes.tsx";
import { ProposalStanceMap } from "./proposal-stance-map.tsx";
import { STANCE_LABELS, STANCE_ORDER, basisLabel } from "./stance-classes.ts";
import { READER_ROLES, useMayWrite } from "./write-forms.tsx";
import type { WorkspaceRevision } from "./workspace-revision.ts";
import { useWorkspaceRevision } from "./workspace-revision.ts";
import "./fora-pages.css";

type Filters = ReturnType<typeof useUrlFilters>;
type StateStance = ProposalDetail["stances"]["states"][number];
type SpeakerStance = ProposalDetail["stances"]["groups"][number];
type Evidence = StateStance["evidence"][number];

const LISTED_NAMES = 12;

function evidenceSource(e: Evidence | undefined): string | null {
  if (e === undefined) return null;
  return [e.sourceUrl, e.sourceReference].filter((x) => x !== null).join("; ") || null;
}

function stateColumns(sessionTitle: (id: number) => string): TableColumn<StateStance>[] {
  const deciding = (s: StateStance) => s.evidence[0];
  return [
    { header: "State", value: (s) => s.name, cell: (s) => <Link to={`/states/${s.iso3}`}>{s.name}</Link>, wrap: true },
    { header: "ISO", value: (s) => s.iso3 },
    {
      header: "Stance",
      value: (s) => s.stance,
      cell: (s) => {
        const note = deciding(s)?.note ?? null;
        return (
          <>
            <span className={`stance-chip stance-${s.stance}`}>{s.stance}</span>
            {note === null ? null : <span className="cell-sub">{note}</span>}
          </>
        );
      },
    },
    { header: "Basis", value: (s) => basisLabel(s.basis, s.via), description: "Its own statement, or (groups expanded) the statement of a group that spoke for it" },
    { header: "Statement of", value: (s) => deciding(s)?.speakerCode ?? null, csvOnly: true },
    { header: "Date", value: (s) => deciding(s)?.deliveredOn ?? null },
    {
      header: "Session",
      value: (s) => {
        const e = deciding(s);
        return e === undefined ? null : sessionTitle(e.sessionId);
      },
      cell: (s) => {
        const e = deciding(s);
        return e === undefined ? <span className="muted">—</span> : <Link to={`/sessions/${e.sessionId}#statements`}>{sessionTitle(e.sessionId)}</Link>;
      },
      wrap: true,
    },
    { header: "Note", value: (s) => deciding(s)?.note ?? null, csvOnly: true },
    {
      header: "Evidence (source)",
      value: (s) => evidenceSource(deciding(s)),
      cell: (s) => {
        const source = evidenceSource(deciding(s));
        return source === null ? <span className="muted">—</span> : <LinkedText text={source} />;
      },
      wrap: true,
    },
    { header: "Earlier", value: (s) => Math.max(0, s.evidence.length - 1), numeric: true, description: "Earlier statements of the State on the proposal (the latest decides)" },
  ];
}

function speakerColumns(sessionTitle: (id: number) => string): TableColumn<SpeakerStance>[] {
  return [
    { header: "Speaker", value: (g) => g.name, wrap: true },
    { header: "Kind", value: (g) => g.kind },
    { header: "Stance", value: (g) => g.stance, cell: (g) => <span className={`stance-chip stance-${g.stance}`}>{g.stance}</span> },
    { header: "Date", value: (g) => g.evidence[0]?.deliveredOn ?? null },
    { header: "Session", value: (g) => (g.evidence[0] === undefined ? null : sessionTitle(g.evidence[0].sessionId)), wrap: true },
    { header: "Member States", value: (g) => (g.memberStates === null ? "not recorded" : g.memberStates.length), description: "Recorded members: those a silent State is counted under when groups are expanded" },
    { header: "Evidence (source)", value: (g) => evidenceSource(g.evidence[0]), cell: (g) => <LinkedText text={evidenceSource(g.evidence[0]) ?? "—"} />, wrap: true },
  ];
}

function TallyCards({ proposal }: { readonly proposal: ProposalDetail }) {
  const { tally } = proposal.stances;
  return (
    <div className="tally" role="list" aria-label="Tally">
      {STANCE_ORDER.map((stance) => {
        const bucket = tally[stance];
        const names = bucket.states.map((s) => `${s.name}${s.basis === "group" ? ` (via ${s.via ?? "group"})` : ""}`);
        return (
          <div key={stance} className={`tally-card tally-${stance}`} role="listitem" data-stance={stance}>
            <h3>{stance}</h3>
            <p className="tally-count" data-testid={`tally-${stance}`}>
              {bucket.count}
            </p>
            {names.length === 0 ? (
              <p className="tally-states muted">none</p>
            ) : names.length <= LISTED_NAMES ? (
              <p className="tally-states">{names.join(", ")}</p>
            ) : (
              <details className="tally-states">
                <summary>
                  {names.slice(0, 3).join(", ")} and {names.length - 3} more
                </summary>
                {names.join(", ")}
              </details>
            )}
          </div>
        );
      })}
    </div>
  );
}

/**
 * The "expand groups" option, outside the part that loads (it stays put while the tally is re-read), uncontrolled so that
 * it answers the click at once; keyed by the URL so that back and forward set it too.
 */
function ExpandGroupsOption({ filters }: { readonly filters: Filters }) {
  const expanded = filters.get("expandGroups") === "true";
  return (
    <div className="option-box no-print" key={String(expanded)}>
      <label>
        <input type="checkbox" defaultChecked={expanded} aria-describedby="expand-groups-hint" onChange={(e) => filters.update({ expandGroups: e.currentTarget.checked ? "true" : undefined })} />
        Expand groups
      </label>
      <span className="field-hint" id="expand-groups-hint">
        {expanded
          ? "On: a State that made no statement of its own takes the stance of a group that spoke for it (e.g. the EU for its member States), marked “via” that group; its own statements always prevail."
          : "Off: only each State's own statements count; a State that did not speak is silent even when a group it belongs to spoke. Tick to count group statements for their silent members."}
      </span>
    </div>
  );
}

/**
 * The proposal's title, description, document and status history (read without expanding groups: they do not depend
 * on it); for writers, the status change and the Edit button.
 */
function ProposalHeader({ id, ws }: { readonly id: number; readonly ws: WorkspaceRevision }) {
  const proposal = use(loadProposal(id, false, ws.revision));
  const mayWrite = useMayWrite();
  return (
    <div className={ws.refreshing ? "refreshing" : undefined}>
      <PageHeader
        title={proposal.title}
        kicker={
          <>
            <Link to="/sessions">Sessions</Link> · {proposal.forumName} · {proposal.kind} · {proposal.status}
          </>
        }
        lead={
          <>
            <MarkdownHtml html={proposal.description.html} />
            <p className="muted">
              {proposal.documentSymbol === null ? (
                "No document symbol recorded"
              ) : (
                <>
                  Document{" "}
                  <a href={`https://undocs.org/${proposal.documentSymbol}`} target="_blank" rel="noreferrer">
                    {proposal.documentSymbol}
                  </a>
                </>
              )}
              ; {counted(proposal.stanceCount, "recorded stance")}; updated {proposal.updatedAt.slice(0, 10)}.
            </p>
          </>
        }
      />
      <StatusHistory proposal={proposal} />
      {mayWrite ? <ProposalChanges proposal={proposal} onChanged={ws.refresh} /> : null}
    </div>
  );
}

function ProposalStances({ id, filters, ws }: { readonly id: number; readonly filters: Filters; readonly ws: WorkspaceRevision }) {
  const expandGroups = filters.get("expandGroups") === "true";
  const foraRead = loadFora(ws.revision);
  const proposal = use(loadProposal(id, expandGroups, ws.revision));
  const fora = use(foraRead).items;
  const sessions = new Map(fora.flatMap((f) => f.sessions.map((s) => [s.id, s.title] as const)));
  const sessionTitle = (sessionId: number) => sessions.get(sessionId) ?? `session ${sessionId}`;
  // Default: the States with a recorded stance (the silent majority is one choice away, and always in the CSV).
  const shown = filters.get("stance");
  const allStates = proposal.stances.states;
  const states = shown === "all" ? allStates : shown === "" ? allStates.filter((s) => s.stance !== "silent") : allStates.filter((s) => s.stance === shown);
  const shownLabel = shown === "all" ? "" : shown === "" ? " with a recorded stance" : shown === "silent" ? " that are silent" : ` that ${shown}`;
  const speakers = [...proposal.stances.groups, ...proposal.stances.organisations];
  const unexpanded = proposal.stances.unexpandedGroups;
  return (
    <>
      <h2>Tally</h2>
      <TallyCards proposal={proposal} />
      {expandGroups && unexpanded.length > 0 ? <p className="muted">Never expanded (their members are not recorded): {unexpanded.join(", ")}.</p> : null}
      <ProposalStanceMap proposal={proposal} />
      <h2>Each State's stance and its evidence</h2>
      <form className="filters no-print" aria-label="Filter the States" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Show</span>
          <select value={shown} onChange={(e) => filters.update({ stance: e.currentTarget.value })}>
            <option value="">States with a recorded stance</option>
            <option value="all">every State</option>
            {STANCE_ORDER.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </form>
      <DataTable
        caption={`${counted(states.length, "State")}${shownLabel} of ${allStates.length}; ${expandGroups ? "groups expanded" : "own statements only"}; the CSV holds every State`}
        columns={stateColumns(sessionTitle)}
        rows={states}
        loadAllRows={() => Promise.resolve(allStates)}
        rowKey={(s) => s.iso3}
        csvName={`concord-proposal-${proposal.id}-stances${expandGroups ? "-groups-expanded" : ""}`}
        empty={<EmptyState title={shown === "" ? "No State's stance is recorded yet: every State is silent." : "No State has that stance."} minHeight={80} />}
      />
      <h2>Groups and organisations</h2>
      <DataTable
        caption={`${counted(speakers.length, "group or organisation", "groups and organisations")} took a stance`}
        columns={speakerColumns(sessionTitle)}
        rows={speakers}
        rowKey={(g) => `${g.kind}:${g.code}`}
        csvName={`concord-proposal-${proposal.id}-group-stances`}
        empty={<EmptyState title="No group or organisation took a stance on this proposal." minHeight={60} />}
      />
      <SourceNote>
        stances derived from the statements recorded in Concord (the latest statement of a State on the proposal decides; a State without one is silent), each with the
        statement's own source. Silent means no statement is recorded, not that the State has no view.
      </SourceNote>
    </>
  );
}

function NoSuchProposal({ id }: { readonly id: string }) {
  return (
    <>
      <PageHeader title="Proposal not found" kicker={<Link to="/sessions">Sessions</Link>} />
      <EmptyState title={`There is no proposal ${id}.`}>
        <p>
          See the proposals listed on the <Link to="/sessions">sessions page</Link>.
        </p>
      </EmptyState>
    </>
  );
}

/** A proposal: the tally (supports / opposes / reserves / silent), the map, and each State's stance with its evidence. */
export default function ProposalPage() {
  const { id: raw = "" } = useParams();
  const id = idParam(raw);
  const filters = useUrlFilters();
  const ws = useWorkspaceRevision();
  return (
    <section className="page ws-page">
      <RequireRole roles={READER_ROLES} what="this proposal">
        {id === null ? (
          <NoSuchProposal id={raw} />
        ) : (
          <>
            <AsyncBoundary what={`proposal ${id}`} minHeight={110} resetKey={String(id)} header={<PageHeader title={`Proposal ${id}`} kicker={<Link to="/sessions">Sessions</Link>} />}>
              <NotFoundBoundary fallback={<NoSuchProposal id={raw} />}>
                <ProposalHeader id={id} ws={ws} />
              </NotFoundBoundary>
            </AsyncBoundary>
            <ExpandGroupsOption filters={filters} />
            <AsyncBoundary what="the stances and the tally" minHeight={900} resetKey={`${id}:${filters.get("expandGroups")}`}>
              {/* A missing proposal is said once, by the header. */}
              <NotFoundBoundary fallback={null}>
                <ProposalStances id={id} filters={filters} ws={ws} />
              </NotFoundBoundary>
            </AsyncBoundary>
          </>
        )}
      </RequireRole>
    </section>
  );
}
