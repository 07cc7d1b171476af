import { Link } from "react-router";
import type { TableColumn } from "../../components/data-table.tsx";
import { formatDay, formatUtc } from "../../format/figures.ts";
import { PersonName, personText } from "./person-name.tsx";
import { KIND_LABELS, STATUS_LABELS } from "./positions-queries.ts";
import type { PositionListItem } from "./positions-queries.ts";

/** The clearance status as a labelled chip (text, not colour alone). */
export function StatusChip({ status }: { readonly status: PositionListItem["status"] }) {
  return <span className={`clearance-chip clearance-${status}`}>{STATUS_LABELS[status]}</span>;
}

export const POSITION_COLUMNS: readonly TableColumn<PositionListItem>[] = [
  {
    header: "Position",
    value: (p) => p.title,
    cell: (p) => (
      <>
        <Link to={`/positions/${p.id}`}>{p.title}</Link>
        <span className="cell-sub">{KIND_LABELS[p.kind]}</span>
      </>
    ),
    wrap: true,
  },
  { header: "Kind", value: (p) => KIND_LABELS[p.kind], csvOnly: true },
  { header: "Status", value: (p) => STATUS_LABELS[p.status], cell: (p) => <StatusChip status={p.status} /> },
  { header: "Version", value: (p) => p.currentVersion, numeric: true },
  {
    header: "Session",
    value: (p) => p.forumSession?.title ?? null,
    cell: (p) => (p.forumSession === null ? <span className="muted">—</span> : <Link to={`/sessions/${p.forumSession.id}`}>{p.forumSession.title}</Link>),
    wrap: true,
  },
  { header: "Agenda item", value: (p) => (p.agendaItem === null ? null : `${p.agendaItem.itemNumber}. ${p.agendaItem.title}`), wrap: true },
  { header: "Last edited by", value: (p) => personText(p.lastEditedBy, true), cell: (p) => <PersonName person={p.lastEditedBy} /> },
  { header: "Changed", value: (p) => p.updatedAt, cell: (p) => <span title={formatUtc(p.updatedAt)}>{formatDay(p.updatedAt)}</span> },
  { header: "Cited figures", value: (p) => p.citationCount, numeric: true },
];
