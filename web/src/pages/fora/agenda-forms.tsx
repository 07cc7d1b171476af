import { useEffect, useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import type { AgendaItem, SessionDocument } from "./fora-queries.ts";
import { Confirmation, FormActions, SelectField, TextField, WriteError, optional, useSubmission } from "./write-forms.tsx";

/**
 * Analysts and admins: add an agenda item or a document to a session; or, given `item` or `document`, correct that one
 * (the same form, prefilled; only what the form shows is sent, so an item's as-of date and note, a document's note, stay).
 */

export function AgendaItemForm({
  sessionId,
  onAdded,
  item,
  onCancel,
}: {
  readonly sessionId: number;
  /** After a success, with its confirmation. */
  readonly onAdded: (confirmation: string) => void;
  readonly item?: AgendaItem | undefined;
  readonly onCancel?: (() => void) | undefined;
}) {
  const submission = useSubmission();
  const headingId = useId();
  const [itemNumber, setItemNumber] = useState(item?.itemNumber ?? "");
  const [title, setTitle] = useState(item?.title ?? "");
  const [source, setSource] = useState(item?.source ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  // The edit form opens below the table: bring it to the writer (focus scrolls it into view).
  useEffect(() => {
    if (item !== undefined) formRef.current?.querySelector("input")?.focus();
  }, [item]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async () => {
      const body = { itemNumber: itemNumber.trim(), title: title.trim(), source: optional(source) };
      if (item !== undefined) {
        const changed = await unwrap(api.PATCH("/api/agenda-items/{id}", { params: { path: { id: item.id } }, body }));
        const confirmation = `Saved agenda item ${changed.itemNumber}: ${changed.title}`;
        onAdded(confirmation);
        return confirmation;
      }
      const added = await unwrap(api.POST("/api/forum-sessions/{id}/agenda-items", { params: { path: { id: sessionId } }, body }));
      setItemNumber("");
      setTitle("");
      const confirmation = `Added agenda item ${added.itemNumber}: ${added.title}`;
      onAdded(confirmation);
      return confirmation;
    });
  };
  return (
    <form key={submission.generation} ref={formRef} className="ws-form no-print" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>{item === undefined ? "Add an agenda item" : `Edit agenda item ${item.itemNumber}`}</h3>
      <div className="ws-form-grid">
        <TextField label="Number" field="itemNumber" submission={submission} value={itemNumber} onChange={setItemNumber} required className="field-narrow" placeholder="e.g. 7 or 7(b)" hint="The official number." />
        <TextField label="Title" field="title" submission={submission} value={title} onChange={setTitle} required className="field-wide" hint="The official title, as the agenda gives it." />
        <TextField label="Source" field="source" submission={submission} value={source} onChange={setSource} className="field-wide" hint="The agenda document (symbol or URL)." placeholder="e.g. A/AC.105/L.3xx https://undocs.org/…" />
      </div>
      <FormActions submission={submission} editing={item !== undefined} add={["Add the item", "Adding…"]} save={["Save the item", "Saving…"]} onCancel={onCancel} />
      <WriteError submission={submission} action={item === undefined ? "add an agenda item" : "save the agenda item"} fields={["itemNumber", "title", "source"]} />
      <Confirmation submission={submission} />
    </form>
  );
}

export function DocumentForm({
  sessionId,
  agendaItems,
  onAdded,
  document,
  onCancel,
}: {
  readonly sessionId: number;
  readonly agendaItems: readonly AgendaItem[];
  /** After a success, with its confirmation. */
  readonly onAdded: (confirmation: string) => void;
  /** Given: correct this document (the form prefilled; its note, which the form does not show, stays). */
  readonly document?: SessionDocument | undefined;
  readonly onCancel?: (() => void) | undefined;
}) {
  const submission = useSubmission();
  const headingId = useId();
  const [symbol, setSymbol] = useState(document?.symbol ?? "");
  const [title, setTitle] = useState(document?.title ?? "");
  const [agendaItemId, setAgendaItemId] = useState(document?.agendaItemId === null || document === undefined ? "" : String(document.agendaItemId));
  const [documentDate, setDocumentDate] = useState(document?.documentDate ?? "");
  const [url, setUrl] = useState(document?.url ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (document !== undefined) formRef.current?.querySelector("input")?.focus();
  }, [document]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async () => {
      const body = { symbol: symbol.trim(), title: title.trim(), agendaItemId: agendaItemId === "" ? null : Number(agendaItemId), documentDate: optional(documentDate), url: optional(url) };
      if (document !== undefined) {
        const changed = await unwrap(api.PATCH("/api/session-documents/{id}", { params: { path: { id: document.id } }, body }));
        const confirmation = `Saved document ${changed.symbol}: ${changed.title}`;
        onAdded(confirmation);
        return confirmation;
      }
      const added = await unwrap(api.POST("/api/forum-sessions/{id}/documents", { params: { path: { id: sessionId } }, body }));
      setSymbol("");
      setTitle("");
      setDocumentDate("");
      setUrl("");
      const confirmation = `Added document ${added.symbol}: ${added.title}`;
      onAdded(confirmation);
      return confirmation;
    });
  };
  return (
    <form key={submission.generation} ref={formRef} className="ws-form no-print" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>{document === undefined ? "Add a document" : `Edit document ${document.symbol}`}</h3>
      <div className="ws-form-grid">
        <TextField label="UN symbol" field="symbol" submission={submission} value={symbol} onChange={setSymbol} required placeholder="e.g. A/AC.105/C.1/L.400" />
        <TextField label="Title" field="title" submission={submission} value={title} onChange={setTitle} required className="field-wide" />
        <SelectField
          label="Agenda item"
          field="agendaItemId"
          submission={submission}
          value={agendaItemId}
          onChange={setAgendaItemId}
          emptyLabel="the session as a whole"
          choices={agendaItems.map((i) => ({ value: String(i.id), label: `${i.itemNumber}. ${i.title}` }))}
        />
      </div>
      <div className="ws-form-grid">
        <TextField label="Date" field="documentDate" submission={submission} value={documentDate} onChange={setDocumentDate} type="date" className="field-narrow" />
        <TextField label="Link (URL)" field="url" submission={submission} value={url} onChange={setUrl} type="url" className="field-wide" hint="Empty: the symbol links to the UN's document resolver (undocs.org)." />
      </div>
      <FormActions submission={submission} editing={document !== undefined} add={["Add the document", "Adding…"]} save={["Save the document", "Saving…"]} onCancel={onCancel} />
      <WriteError submission={submission} action={document === undefined ? "add a document" : "save the document"} fields={["symbol", "title", "agendaItemId", "documentDate", "url"]} />
      <Confirmation submission={submission} />
    </form>
  );
}
