import { useState } from "react";
import { Link } from "react-router";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { AgendaItemForm } from "./agenda-forms.tsx";
import { AgendaImportForm } from "./agenda-import-form.tsx";
import { counted } from "./fora-queries.ts";
import type { AgendaItem, SessionDetail, Statement } from "./fora-queries.ts";
import { ChangeNotice, RecordActions } from "./record-actions.tsx";

interface Writing {
  readonly onEdit: (item: AgendaItem) => void;
  readonly onChanged: (confirmation: string) => void;
}

function ItemActions({ item, writing }: { readonly item: AgendaItem; readonly writing: Writing }) {
  if (item.curated) return <span className="muted">curated: corrected in data/fora/agenda-items.csv</span>;
  return (
    <RecordActions
      what={`agenda item ${item.itemNumber}`}
      onEdit={() => writing.onEdit(item)}
      deleteQuestion={`Delete agenda item ${item.itemNumber}?`}
      remove={async () => {
        const removed = await unwrap(api.DELETE("/api/agenda-items/{id}", { params: { path: { id: item.id } } }));
        return `Deleted agenda item ${removed.itemNumber}: ${removed.title}`;
      }}
      onRemoved={writing.onChanged}
      conflictAdvice={<p>A statement or a document moves to another item (or none) with its Edit button below, or is deleted; once nothing refers to the item, it can be deleted.</p>}
    />
  );
}

function agendaColumns(session: SessionDetail, statements: readonly Statement[], writing: Writing | null): TableColumn<AgendaItem>[] {
  const columns: TableColumn<AgendaItem>[] = [
    { header: "No.", value: (i) => i.itemNumber },
    { header: "Title", value: (i) => i.title, wrap: true },
    { header: "Statements", value: (i) => statements.filter((s) => s.agendaItemId === i.id).length, numeric: true },
    {
      header: "Our positions",
      value: () => null,
      cell: (i) => <Link to={`/positions?session=${session.id}&agendaItem=${i.id}`}>positions on {i.itemNumber}</Link>,
      screenOnly: true,
    },
    { header: "Source", value: (i) => i.source, cell: (i) => (i.source === null ? <span className="muted">—</span> : <LinkedText text={i.source} />), wrap: true },
    { header: "As of", value: (i) => i.asOf },
    { header: "Entered", value: (i) => (i.curated ? "curated (data/fora)" : `by a user, ${i.createdAt.slice(0, 10)}`) },
  ];
  return writing === null ? columns : [...columns, { header: "Change", value: () => null, cell: (i) => <ItemActions item={i} writing={writing} />, screenOnly: true, wrap: true }];
}

/**
 * The session's agenda in official order; writers add items (one by one, or all at once from the provisional agenda's
 * text), and correct or delete the ones users entered.
 */
export function SessionAgenda({
  session,
  statements,
  mayWrite,
  onChanged,
}: {
  readonly session: SessionDetail;
  readonly statements: readonly Statement[];
  readonly mayWrite: boolean;
  readonly onChanged: () => void;
}) {
  const [editing, setEditing] = useState<AgendaItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (confirmation: string) => {
    setEditing(null);
    setNotice(confirmation);
    onChanged();
  };
  const writing: Writing | null = mayWrite ? { onEdit: (item) => { setNotice(null); setEditing(item); }, onChanged: changed } : null;
  return (
    <>
      <DataTable
        caption={`${counted(session.agendaItems.length, "agenda item")}, in official order`}
        columns={agendaColumns(session, statements, writing)}
        rows={session.agendaItems}
        rowKey={(i) => i.id}
        csvName={`concord-session-${session.id}-agenda`}
        empty={<EmptyState title="No agenda item is recorded for this session." minHeight={80}>{session.curatedKey === null ? null : <p>See the session's note: the provisional agenda may not have been read yet.</p>}</EmptyState>}
      />
      <ChangeNotice text={notice} />
      {!mayWrite ? null : editing === null ? (
        <AgendaItemForm sessionId={session.id} onAdded={onChanged} />
      ) : (
        <AgendaItemForm key={editing.id} sessionId={session.id} item={editing} onAdded={changed} onCancel={() => setEditing(null)} />
      )}
      {mayWrite ? <AgendaImportForm session={session} onImported={onChanged} /> : null}
    </>
  );
}
