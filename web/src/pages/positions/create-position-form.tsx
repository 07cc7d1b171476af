import { Suspense, use, useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import type { Forum } from "../fora/fora-queries.ts";
import { loadSession } from "../fora/fora-queries.ts";
import type { Submission } from "../fora/write-forms.tsx";
import { Confirmation, SelectField, TextAreaField, TextField, WriteError, optional, useSubmission } from "../fora/write-forms.tsx";
import { KIND_LABELS, POSITION_KINDS } from "./positions-queries.ts";

const FIELDS = ["title", "kind", "markdown", "note", "forumSessionId", "agendaItemId"];

function AgendaItemChoice({ sessionId, value, onChange, submission, revision }: { readonly sessionId: number; readonly value: string; readonly onChange: (v: string) => void; readonly submission: Submission; readonly revision: number }) {
  const session = use(loadSession(sessionId, revision));
  return (
    <SelectField
      label="Agenda item"
      field="agendaItemId"
      submission={submission}
      value={value}
      onChange={onChange}
      emptyLabel={session.agendaItems.length === 0 ? "the session has no agenda item yet" : "the session as a whole"}
      choices={session.agendaItems.map((i) => ({ value: String(i.id), label: `${i.itemNumber}. ${i.title}` }))}
      className="field-wide"
    />
  );
}

/** Analysts and admins: draft a position (version 1, status draft) on a session's agenda item; opens it after saving. */
export function CreatePositionForm({ fora, initialSession, initialAgendaItem, revision }: { readonly fora: readonly Forum[]; readonly initialSession: string; readonly initialAgendaItem: string; readonly revision: number }) {
  const navigate = useNavigate();
  const submission = useSubmission();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<string>("position-paper");
  const [sessionId, setSessionId] = useState(initialSession);
  const [agendaItemId, setAgendaItemId] = useState(initialAgendaItem);
  const [markdown, setMarkdown] = useState("");
  const [note, setNote] = useState("");
  const sessions = fora.flatMap((f) => f.sessions.map((s) => ({ value: String(s.id), label: `${s.title} (${s.startDate})` })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async () => {
      const created = await unwrap(
        api.POST("/api/positions", {
          body: {
            title: title.trim(),
            kind: kind as (typeof POSITION_KINDS)[number],
            markdown,
            note: optional(note),
            forumSessionId: sessionId === "" ? null : Number(sessionId),
            agendaItemId: agendaItemId === "" ? null : Number(agendaItemId),
          },
        }),
      );
      await navigate(`/positions/${created.id}?created=1`);
      return `Drafted “${created.title}” (version 1).`;
    });
  };
  return (
    <form className="ws-form no-print" aria-labelledby="draft-position-heading" onSubmit={submit}>
      <h3 id="draft-position-heading">Draft a position</h3>
      <div className="ws-form-grid">
        <TextField label="Title" field="title" submission={submission} value={title} onChange={setTitle} required className="field-wide" placeholder="e.g. Our position on agenda item 7: space traffic coordination" />
        <SelectField label="Kind" field="kind" submission={submission} value={kind} onChange={setKind} choices={POSITION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} className="field-narrow" />
      </div>
      <div className="ws-form-grid">
        <SelectField
          label="Session"
          field="forumSessionId"
          submission={submission}
          value={sessionId}
          onChange={(v) => {
            setSessionId(v);
            setAgendaItemId("");
          }}
          emptyLabel="no session"
          choices={sessions}
          className="field-wide"
        />
        {sessionId === "" ? null : (
          <Suspense fallback={<div className="field field-wide muted">Loading the agenda…</div>}>
            <AgendaItemChoice sessionId={Number(sessionId)} value={agendaItemId} onChange={setAgendaItemId} submission={submission} revision={revision} />
          </Suspense>
        )}
      </div>
      <TextAreaField label="Text (Markdown)" field="markdown" submission={submission} value={markdown} onChange={setMarkdown} required rows={8} hint="Headings, lists, emphasis and links; the page shows the text as the server renders and sanitises it." />
      <TextField label="Note on this version" field="note" submission={submission} value={note} onChange={setNote} className="field-wide" placeholder="e.g. first draft for the delegation" />
      <div className="form-actions">
        <button type="submit" disabled={submission.sending}>
          {submission.sending ? "Saving…" : "Save the draft"}
        </button>
        <span className="field-hint">Saved as version 1, status draft; it is cleared by someone other than its last editor.</span>
      </div>
      <WriteError submission={submission} action="draft a position" fields={FIELDS} />
      <Confirmation submission={submission} />
    </form>
  );
}
