import { use } from "react";
import { Link } from "react-router";
import { RequireRole } from "../../auth/require-role.tsx";
import type { Role } from "../../auth/session-context.tsx";
import { useSession } from "../../auth/session-context.tsx";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { formatUtc } from "../../format/figures.ts";
import { deadlineDistance, formatMinuteUtc, StatusBadge, statusText } from "./consultation-labels.tsx";
import { KIND_LABELS, loadConsultationList } from "./consultation-queries.ts";
import type { ConsultationListItem, ConsultationStatus } from "./consultation-queries.ts";
import { RefusedState } from "./refused-state.tsx";
import { useFreshness } from "./use-freshness.ts";
import "./consultations.css";

export const CONSULTATION_READERS: readonly Role[] = ["admin", "analyst", "viewer", "stakeholder"];
export const ORGANISER_ROLES: readonly Role[] = ["admin", "analyst"];

type Item = ConsultationListItem;

function columns(organiser: boolean, loadedMs: number): TableColumn<Item>[] {
  const all: (TableColumn<Item> | null)[] = [
    { header: "Consultation", value: (c) => c.title, cell: (c) => <Link to={`/consultations/${c.id}`}>{c.title}</Link>, wrap: true },
    { header: "Id", value: (c) => c.id, csvOnly: true },
    { header: "Kind", value: (c) => KIND_LABELS[c.kind] },
    { header: "Status", value: (c) => statusText(c), cell: (c) => <StatusBadge consultation={c} /> },
    {
      header: "Deadline",
      value: (c) => c.deadline,
      cell: (c) => (
        <>
          {formatMinuteUtc(c.deadline)}
          <span className="cell-sub">{c.status === "closed" ? `closed ${formatMinuteUtc(c.closedAt)}` : deadlineDistance(c.deadline, loadedMs)}</span>
        </>
      ),
    },
    { header: "Paragraphs", value: (c) => c.paragraphCount, numeric: true },
    organiser ? { header: "Invitations", value: (c) => c.invitationCount ?? null, numeric: true } : null,
    organiser ? { header: "Comments", value: (c) => c.commentCount ?? null, numeric: true, description: "Public and confidential" } : null,
    { header: "Organiser", value: (c) => c.organiser?.displayName ?? "—" },
    { header: "Opened", value: (c) => c.createdAt, cell: (c) => formatMinuteUtc(c.createdAt) },
  ];
  return all.filter((column): column is TableColumn<Item> => column !== null);
}

function ConsultationList({ status, freshness }: { readonly status: ConsultationStatus | undefined; readonly freshness: string }) {
  const result = use(loadConsultationList(status, freshness));
  const { user, hasRole } = useSession();
  if (!result.ok) return <RefusedState error={result.error} what="the consultations" />;
  const loadedMs = result.readAtMs;
  const items = result.value.items;
  const organiser = hasRole(...ORGANISER_ROLES);
  const stakeholder = user?.role === "stakeholder";
  return (
    <>
      <DataTable
        caption={`${items.length} consultation${items.length === 1 ? "" : "s"}${status === undefined ? "" : ` (${status})`}, latest deadline first`}
        columns={columns(organiser, loadedMs)}
        rows={items}
        rowKey={(c) => c.id}
        csvName="concord-consultations"
        empty={
          <EmptyState title={stakeholder ? "You have not been invited to any consultation yet." : `No ${status ?? ""} consultation yet.`.replace("  ", " ")}>
            {stakeholder ? (
              <p>An organiser's invitation e-mail holds a link that adds its consultation here.</p>
            ) : organiser ? (
              <p>
                <Link to="/consultations/new">Open a consultation</Link> on a draft, then invite stakeholders by e-mail.
              </p>
            ) : status === undefined ? (
              <p>Analysts open consultations; they appear here.</p>
            ) : (
              <p>
                Show <Link to="/consultations">every consultation</Link>.
              </p>
            )}
          </EmptyState>
        }
      />
      <SourceNote>
        Concord's workspace store: consultations opened by the analysts{stakeholder ? ", only those you were invited to" : ""}; as of {formatUtc(new Date(loadedMs).toISOString())}.
      </SourceNote>
    </>
  );
}

function StatusFilter() {
  const filters = useUrlFilters();
  return (
    <form className="filters no-print" aria-label="Filter the consultations" onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>Status</span>
        <select value={filters.get("status")} onChange={(e) => filters.update({ status: e.currentTarget.value })}>
          <option value="">open and closed</option>
          <option value="open">open</option>
          <option value="closed">closed</option>
        </select>
      </label>
    </form>
  );
}

function Consultations() {
  const filters = useUrlFilters();
  const { hasRole } = useSession();
  const { freshness } = useFreshness();
  const statusParam = filters.get("status");
  const status = statusParam === "open" || statusParam === "closed" ? statusParam : undefined;
  return (
    <>
      {hasRole(...ORGANISER_ROLES) ? (
        <p className="button-row no-print">
          <Link className="button" to="/consultations/new">
            New consultation
          </Link>
        </p>
      ) : null}
      <StatusFilter />
      <AsyncBoundary what="the consultations" minHeight={240} resetKey={status ?? ""}>
        <ConsultationList status={status} freshness={freshness} />
      </AsyncBoundary>
    </>
  );
}

/** Stakeholder consultations (issue 7): the organisers and viewers see every one, a stakeholder those it was invited to. */
export default function ConsultationsPage() {
  const { user } = useSession();
  const stakeholder = user?.role === "stakeholder";
  return (
    <section className="page consultations">
      <PageHeader
        title="Consultations"
        lead={
          stakeholder ? (
            <p>The consultations you were invited to: open one to read its draft and comment on it, paragraph by paragraph, publicly or confidentially to the organisers.</p>
          ) : (
            <p>
              Drafts (our positions, standards, best practices) put to domestic stakeholders before a negotiation: each with its deadline, its invitations and the
              comments received, by paragraph and by sector.
            </p>
          )
        }
      />
      <RequireRole roles={CONSULTATION_READERS} what="the consultations">
        <Consultations />
      </RequireRole>
    </section>
  );
}
