import { Link } from "react-router";
import type { TableColumn } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import type { CalendarSession, ProposalSummary } from "./fora-queries.ts";
import { sessionDates } from "./fora-queries.ts";

/** The columns of the session tables (calendar) and the proposal table. */

export const SESSION_COLUMNS: readonly TableColumn<CalendarSession>[] = [
  {
    header: "Session",
    value: (s) => s.title,
    cell: (s) => (
      <>
        <Link to={`/sessions/${s.id}`}>{s.title}</Link>
        {s.venue === null ? null : <span className="cell-sub">{s.venue}</span>}
      </>
    ),
    wrap: true,
  },
  { header: "Forum", value: (s) => s.forumName, wrap: true },
  { header: "Dates", value: (s) => sessionDates(s), screenOnly: true },
  { header: "Start", value: (s) => s.startDate, csvOnly: true },
  { header: "End", value: (s) => s.endDate, csvOnly: true },
  { header: "Venue", value: (s) => s.venue, csvOnly: true },
  { header: "Recorded status", value: (s) => s.status, csvOnly: true },
  { header: "Agenda items", value: (s) => s.agendaItemCount, numeric: true },
  { header: "Documents", value: (s) => s.documentCount, numeric: true },
  { header: "Statements", value: (s) => s.statementCount, numeric: true },
  {
    header: "Source",
    value: (s) => s.sourceUrl,
    cell: (s) => (s.sourceUrl === null ? <span className="muted">{s.curatedKey === null ? "entered by a user" : "—"}</span> : <LinkedText text={s.sourceUrl} />),
    wrap: true,
  },
  { header: "As of", value: (s) => s.asOf },
];

export const PROPOSAL_COLUMNS: readonly TableColumn<ProposalSummary>[] = [
  { header: "Proposal", value: (p) => p.title, cell: (p) => <Link to={`/proposals/${p.id}`}>{p.title}</Link>, wrap: true },
  { header: "Forum", value: (p) => p.forumName, wrap: true },
  { header: "Kind", value: (p) => p.kind },
  { header: "Document", value: (p) => p.documentSymbol },
  { header: "Status", value: (p) => p.status },
  { header: "Stances recorded", value: (p) => p.stanceCount, numeric: true, description: "Statements that took a stance on the proposal" },
  { header: "Updated", value: (p) => p.updatedAt.slice(0, 10) },
];
