import { useId, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../../api/api-client.ts";
import type { Schemas } from "../../api/api-client.ts";
import { ApiError, unwrap } from "../../api/api-error.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { counted } from "./fora-queries.ts";
import type { SessionDetail } from "./fora-queries.ts";
import { Confirmation, TextAreaField, TextField, WriteError, optional, useSubmission } from "./write-forms.tsx";
import type { Submission } from "./write-forms.tsx";

/**
 * Analysts and admins: a session's whole agenda from the text of its provisional agenda (A/AC.105/L.280 …), pasted
 * from the PDF or a web copy. "Preview" asks the server for a dry run (the items it reads, with warnings); "Import N
 * items" then adds them all in one audited transaction, or none. Changing the text, source or date drops the preview
 * (and a refusal shown).
 */

type ImportResult = Schemas["AgendaImportResult"];
type ImportedItem = ImportResult["items"][number];

const SOURCE_EXAMPLE = "A/AC.105/L.280 https://undocs.org/A/AC.105/L.280";
const TEXT_FIELDS = ["text", "source", "asOf"] as const;

const AS_OF_BASIS: Readonly<Record<ImportResult["asOfBasis"], string>> = {
  given: "as given",
  "document date": "the document's date",
  "import day": "the day of the import: no date was found in the text",
};

const PREVIEW_COLUMNS: TableColumn<ImportedItem>[] = [
  { header: "No.", value: (i) => i.itemNumber },
  { header: "Title", value: (i) => i.title, wrap: true },
  { header: "Line", value: (i) => i.line, numeric: true, description: "The line of the pasted text the item was read from" },
];

/** Whether a 400 answer is about the pasted text: its size (`text`) or one of its lines (`line 12`). */
function isTextProblem(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 400 && error.field !== undefined && (error.field === "text" || /^line \d+$/.test(error.field));
}

/** The submission as the text area sees it: a problem with a line of the text is shown at the text. */
function withTextProblems(submission: Submission): Submission {
  return { ...submission, fieldError: (field) => (field === "text" && isTextProblem(submission.error) ? submission.error.message : submission.fieldError(field)) };
}

function ImportError({ submission }: { readonly submission: Submission }) {
  const error = submission.error;
  // The session already has some of the numbers: nothing was imported; the message names them.
  if (error instanceof ApiError && error.status === 400 && error.field === "itemNumber") {
    return (
      <p className="form-error" role="alert">
        Refused: {error.message.replace(/^itemNumber: /, "")}
      </p>
    );
  }
  const fields = isTextProblem(error) ? [...TEXT_FIELDS, error.field ?? "text"] : [...TEXT_FIELDS];
  return <WriteError submission={submission} action="import the agenda" fields={fields} />;
}

function PreviewReport({ preview }: { readonly preview: ImportResult }) {
  return (
    <div className="agenda-import-preview">
      <p role="status">
        Preview: {counted(preview.items.length, "item")} read from the text, as of {preview.asOf} ({AS_OF_BASIS[preview.asOfBasis]}). Nothing is imported yet.
        {preview.documentSymbol === null ? null : ` Document: ${preview.documentSymbol}${preview.documentDate === null ? "" : ` of ${preview.documentDate}`}.`}
      </p>
      {preview.warnings.length === 0 ? null : (
        <div className="agenda-import-warnings">
          <p>{counted(preview.warnings.length, "warning")}: check the text at these lines.</p>
          <ul>
            {preview.warnings.map((w, index) => (
              <li key={index}>
                {w.line === null ? "" : `Line ${w.line}: `}
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <DataTable
        caption={`${counted(preview.items.length, "item")} read from the text (preview)`}
        columns={PREVIEW_COLUMNS}
        rows={preview.items}
        rowKey={(i) => `${i.itemNumber}@${i.line}`}
        csvName={`concord-session-${preview.sessionId}-agenda-preview`}
        empty={<EmptyState title="No item was read." minHeight={60} />}
      />
    </div>
  );
}

export function AgendaImportForm({ session, onImported }: { readonly session: SessionDetail; readonly onImported: (confirmation: string) => void }) {
  const submission = useSubmission();
  const headingId = useId();
  // Open at once on a session without an agenda, where pasting the document is the quickest start.
  const [open, setOpen] = useState(session.agendaItems.length === 0);
  const [text, setText] = useState("");
  const [source, setSource] = useState("");
  const [asOf, setAsOf] = useState("");
  const [preview, setPreview] = useState<ImportResult | null>(null);
  // An edit drops the preview (it no longer shows what would be imported) and the last answer's refusal.
  const edited = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPreview(null);
    if (submission.error !== null) submission.reset();
  };
  const send = (dryRun: boolean) =>
    unwrap(api.POST("/api/forum-sessions/{id}/agenda-import", { params: { path: { id: session.id } }, body: { text, source: source.trim(), asOf: optional(asOf), dryRun } }));
  const previewIt = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPreview(null);
    void submission.run(async () => {
      setPreview(await send(true));
      return null;
    });
  };
  const importIt = () => {
    void submission.run(async () => {
      const result = await send(false);
      setPreview(null);
      setText("");
      const confirmation = `Imported ${counted(result.items.length, "agenda item")} from ${result.source} (as of ${result.asOf}).`;
      onImported(confirmation);
      return confirmation;
    });
  };
  return (
    <details className="ws-form agenda-import no-print" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary id={headingId}>Import the agenda from the document's text</summary>
      {session.curatedKey === null ? null : (
        <p className="write-note">
          This session is curated: its curated agenda items come from data/fora/agenda-items.csv and are corrected there. Items imported here are entered by you, like items added by hand.
        </p>
      )}
      <form aria-labelledby={headingId} onSubmit={previewIt}>
        <TextAreaField
          label="Text of the provisional agenda"
          field="text"
          submission={withTextProblems(submission)}
          value={text}
          onChange={edited(setText)}
          required
          rows={10}
          placeholder={"I. Provisional agenda\n1. Opening of the session.\n2. Adoption of the agenda.\n…\nII. Annotations"}
          hint='Paste the document from its PDF or web copy; the items between "I. Provisional agenda" and "II. Annotations" are read (page headers and footnotes are skipped).'
        />
        <div className="ws-form-grid">
          <TextField label="Source" field="source" submission={submission} value={source} onChange={edited(setSource)} required className="field-wide" placeholder={SOURCE_EXAMPLE} hint={`The document's symbol and link, e.g. ${SOURCE_EXAMPLE}`} />
          <TextField label="As of" field="asOf" submission={submission} value={asOf} onChange={edited(setAsOf)} type="date" className="field-narrow" hint="Empty: the document's date." />
        </div>
        <div className="form-actions">
          <button type="submit" className={preview === null ? undefined : "button-secondary"} disabled={submission.sending}>
            {submission.sending && preview === null ? "Reading…" : "Preview"}
          </button>
          {preview === null || preview.items.length === 0 ? null : (
            <button type="button" onClick={importIt} disabled={submission.sending}>
              {submission.sending ? "Importing…" : `Import ${counted(preview.items.length, "item")}`}
            </button>
          )}
        </div>
        <ImportError submission={submission} />
        <Confirmation submission={submission} />
      </form>
      {preview === null ? null : <PreviewReport preview={preview} />}
    </details>
  );
}
