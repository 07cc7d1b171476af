import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../../api/api-client.ts";
import { ApiError, unwrap } from "../../api/api-error.ts";
import { Confirmation, TextAreaField, TextField, WriteError, optional, useSubmission } from "../fora/write-forms.tsx";
import { personText } from "./person-name.tsx";
import { STATUS_LABELS } from "./positions-queries.ts";
import type { PositionDetail } from "./positions-queries.ts";

interface Base {
  readonly version: number;
  readonly title: string;
  readonly markdown: string;
}

/**
 * Analysts and admins: a new version of the text. The edit names its base version; when someone saved another version
 * meanwhile the server answers 409, and the editor offers to load the latest version (keeping the text typed here
 * beside it, to merge by hand). The page shows the text as the server rendered it, once saved.
 */
export function PositionEditor({ position, onSaved }: { readonly position: PositionDetail; readonly onSaved: () => void }) {
  const submission = useSubmission();
  const [base, setBase] = useState<Base>({ version: position.currentVersion, title: position.title, markdown: position.text.markdown });
  const [title, setTitle] = useState(position.title);
  const [markdown, setMarkdown] = useState(position.text.markdown);
  const [note, setNote] = useState("");
  const [unsaved, setUnsaved] = useState<string | null>(null);
  const changed = markdown !== base.markdown || title.trim() !== base.title;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async () => {
      const result = await unwrap(api.PUT("/api/positions/{id}", { params: { path: { id: position.id } }, body: { baseVersion: base.version, markdown, title: title.trim(), note: optional(note) } }));
      setBase({ version: result.currentVersion, title: result.title, markdown: result.text.markdown });
      setNote("");
      setUnsaved(null);
      onSaved();
      return `Saved version ${result.currentVersion} (based on version ${base.version}).${result.returnedToDraft === null ? "" : ` Note: ${result.returnedToDraft.message}.`}`;
    });
  };

  const loadLatest = () => {
    void submission.run(async () => {
      const latest = await unwrap(api.GET("/api/positions/{id}", { params: { path: { id: position.id } } }));
      setUnsaved(markdown);
      setBase({ version: latest.currentVersion, title: latest.title, markdown: latest.text.markdown });
      setTitle(latest.title);
      setMarkdown(latest.text.markdown);
      onSaved();
      return `Loaded version ${latest.currentVersion} by ${personText(latest.text.changedBy)}. Your unsaved text is beside the editor: merge what you need, then save.`;
    });
  };

  const stale = submission.error instanceof ApiError && submission.error.status === 409 && submission.error.message.startsWith("stale edit");
  return (
    <form className="ws-form ws-editor no-print" aria-labelledby="edit-heading" onSubmit={submit}>
      <h3 id="edit-heading">Edit the text</h3>
      <p className="field-hint">
        Your edit is based on version {base.version}; saving adds version {base.version + 1} (nothing is overwritten).
        {position.status === "draft" ? "" : ` The position is ${STATUS_LABELS[position.status]}: saving sends it back to draft, to be submitted and cleared again.`}
      </p>
      <TextField label="Title" field="title" submission={submission} value={title} onChange={setTitle} required className="field-wide" />
      <div className={unsaved === null ? undefined : "editor-merge"}>
        <TextAreaField label="Text (Markdown)" field="markdown" submission={submission} value={markdown} onChange={setMarkdown} required rows={12} hint="The text above is the server's rendering of the saved version: save to see your change there." />
        {unsaved === null ? null : (
          <div className="field">
            <label htmlFor="unsaved-text">Your unsaved text (read only)</label>
            <textarea id="unsaved-text" value={unsaved} readOnly rows={12} />
            <button type="button" className="button-secondary" onClick={() => setUnsaved(null)}>
              Done merging: hide it
            </button>
          </div>
        )}
      </div>
      <TextField label="What changed and why" field="note" submission={submission} value={note} onChange={setNote} className="field-wide" placeholder="e.g. tightened paragraph 2 after the capital's comments" />
      <div className="form-actions">
        <button type="submit" disabled={submission.sending || !changed}>
          {submission.sending ? "Saving…" : `Save as version ${base.version + 1}`}
        </button>
        <span className="field-hint">{changed ? "Unsaved changes." : "No change yet."}</span>
      </div>
      <WriteError
        submission={submission}
        action="save the text"
        fields={["title", "markdown", "note"]}
        conflictAdvice={
          stale ? (
            <p>
              Someone saved a newer version while you were editing.{" "}
              <button type="button" className="button-secondary" onClick={loadLatest}>
                Load the latest version
              </button>{" "}
              — your text stays beside the editor, to merge by hand.
            </p>
          ) : undefined
        }
      />
      <Confirmation submission={submission} />
    </form>
  );
}
