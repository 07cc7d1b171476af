import { useState } from "react";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { DocumentForm } from "./agenda-forms.tsx";
import { counted, documentHref } from "./fora-queries.ts";
import type { SessionDetail, SessionDocument } from "./fora-queries.ts";
import { ChangeNotice, RecordActions } from "./record-actions.tsx";

interface Writing {
  readonly onEdit: (document: SessionDocument) => void;
  readonly onChanged: (confirmation: string) => void;
}

function itemNumberOf(session: SessionDetail, id: number | null): string | null {
  return id === null ? null : (session.agendaItems.find((i) => i.id === id)?.itemNumber ?? null);
}

function DocumentActions({ session, document, writing }: { readonly session: SessionDetail; readonly document: SessionDocument; readonly writing: Writing }) {
  if (document.curated) return <span className="muted">curated: corrected in data/fora/documents.csv</span>;
  const itemNumber = itemNumberOf(session, document.agendaItemId);
  return (
    <RecordActions
      what={`document ${document.symbol}`}
      onEdit={() => writing.onEdit(document)}
      deleteQuestion={`Delete document ${document.symbol}${itemNumber === null ? "" : ` (filed under agenda item ${itemNumber})`}?`}
      remove={async () => {
        const removed = await unwrap(api.DELETE("/api/session-documents/{id}", { params: { path: { id: document.id } } }));
        return `Deleted document ${removed.symbol}: ${removed.title}`;
      }}
      onRemoved={writing.onChanged}
      conflictAdvice={<p>A curated document is corrected in data/fora/documents.csv, then seeded again.</p>}
    />
  );
}

function documentColumns(session: SessionDetail, writing: Writing | null): TableColumn<SessionDocument>[] {
  const columns: TableColumn<SessionDocument>[] = [
    {
      header: "Symbol",
      value: (d) => d.symbol,
      cell: (d) => (
        <a href={documentHref(d)} target="_blank" rel="noreferrer" title={d.url === null ? "the UN's document-symbol resolver" : d.url}>
          {d.symbol}
        </a>
      ),
    },
    { header: "Title", value: (d) => d.title, wrap: true },
    { header: "Agenda item", value: (d) => itemNumberOf(session, d.agendaItemId) ?? "the session" },
    { header: "Date", value: (d) => d.documentDate },
    { header: "Link", value: (d) => documentHref(d), csvOnly: true },
    { header: "Note", value: (d) => d.note, wrap: true },
  ];
  return writing === null ? columns : [...columns, { header: "Change", value: () => null, cell: (d) => <DocumentActions session={session} document={d} writing={writing} />, screenOnly: true, wrap: true }];
}

/**
 * The session's documents; writers add them, and correct or delete the ones users entered (deleting one frees the
 * agenda item it was filed under for deletion).
 */
export function SessionDocuments({ session, mayWrite, onChanged }: { readonly session: SessionDetail; readonly mayWrite: boolean; readonly onChanged: () => void }) {
  const [editing, setEditing] = useState<SessionDocument | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (confirmation: string) => {
    setEditing(null);
    setNotice(confirmation);
    onChanged();
  };
  const writing: Writing | null = mayWrite
    ? {
        onEdit: (document) => {
          setNotice(null);
          setEditing(document);
        },
        onChanged: changed,
      }
    : null;
  return (
    <>
      <DataTable
        caption={`${counted(session.documents.length, "document")}; each symbol links to the document`}
        columns={documentColumns(session, writing)}
        rows={session.documents}
        rowKey={(d) => d.id}
        csvName={`concord-session-${session.id}-documents`}
        empty={<EmptyState title="No document is recorded for this session." minHeight={80} />}
      />
      <ChangeNotice text={notice} />
      {!mayWrite ? null : editing === null ? (
        <DocumentForm sessionId={session.id} agendaItems={session.agendaItems} onAdded={onChanged} />
      ) : (
        <DocumentForm key={editing.id} sessionId={session.id} agendaItems={session.agendaItems} document={editing} onAdded={changed} onCancel={() => setEditing(null)} />
      )}
    </>
  );
}
