import { useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import type { Forum } from "./fora-queries.ts";
import { SESSION_STATUSES } from "./fora-queries.ts";
import { Confirmation, SelectField, TextAreaField, TextField, WriteError, optional, useSubmission } from "./write-forms.tsx";

const FIELDS = ["forumId", "title", "sessionNumber", "startDate", "endDate", "venue", "status", "sourceUrl", "note"];

/** Analysts and admins: a new session of a registry forum (its agenda items, documents and statements follow on its page). */
export function CreateSessionForm({ fora, onCreated }: { readonly fora: readonly Forum[]; readonly onCreated: () => void }) {
  const submission = useSubmission();
  const [forumId, setForumId] = useState("");
  const [title, setTitle] = useState("");
  const [sessionNumber, setSessionNumber] = useState("");
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const [venue, setVenue] = useState("");
  const [status, setStatus] = useState("planned");
  const [sourceUrl, setSourceUrl] = useState("");
  const [note, setNote] = useState("");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async () => {
      const number = sessionNumber.trim() === "" ? null : Number(sessionNumber);
      const created = await unwrap(
        api.POST("/api/forum-sessions", {
          body: {
            forumId,
            title: title.trim(),
            sessionNumber: number !== null && Number.isInteger(number) ? number : null,
            startDate,
            endDate,
            venue: optional(venue),
            status: status as (typeof SESSION_STATUSES)[number],
            sourceUrl: optional(sourceUrl),
            note: optional(note),
          },
        }),
      );
      setTitle("");
      setSessionNumber("");
      setStartDate("");
      setEndDate("");
      setVenue("");
      setSourceUrl("");
      setNote("");
      onCreated();
      return (
        <>
          Created “{created.title}” ({created.startDate} to {created.endDate}). <Link to={`/sessions/${created.id}`}>Open the session</Link> to add its agenda items,
          documents and statements.
        </>
      );
    });
  };
  return (
    <form key={submission.generation} className="ws-form no-print" aria-labelledby="create-session-heading" onSubmit={submit}>
      <h3 id="create-session-heading">Create a session</h3>
      <div className="ws-form-grid">
        <SelectField label="Forum" field="forumId" submission={submission} value={forumId} onChange={setForumId} required emptyLabel="choose a forum" choices={fora.map((f) => ({ value: f.id, label: f.name }))} />
        <TextField label="Title" field="title" submission={submission} value={title} onChange={setTitle} required className="field-wide" placeholder="e.g. COPUOS, sixty-ninth session" />
        <TextField label="Session number" field="sessionNumber" submission={submission} value={sessionNumber} onChange={setSessionNumber} type="number" className="field-narrow" />
      </div>
      <div className="ws-form-grid">
        <TextField label="First day" field="startDate" submission={submission} value={startDate} onChange={setStartDate} type="date" required className="field-narrow" />
        <TextField label="Last day" field="endDate" submission={submission} value={endDate} onChange={setEndDate} type="date" required className="field-narrow" />
        <TextField label="Venue" field="venue" submission={submission} value={venue} onChange={setVenue} placeholder="e.g. Vienna International Centre" />
        <SelectField label="Status" field="status" submission={submission} value={status} onChange={setStatus} choices={SESSION_STATUSES.map((s) => ({ value: s, label: s }))} className="field-narrow" />
      </div>
      <div className="ws-form-grid">
        <TextField label="Source (URL)" field="sourceUrl" submission={submission} value={sourceUrl} onChange={setSourceUrl} type="url" className="field-wide" hint="Where the dates come from (the session's page, an information note)." />
        <TextAreaField label="Note" field="note" submission={submission} value={note} onChange={setNote} rows={2} className="field-wide" />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={submission.sending}>
          {submission.sending ? "Creating…" : "Create the session"}
        </button>
        <span className="field-hint">The session is recorded as of today, with you as its author; the audit log keeps the write.</span>
      </div>
      <WriteError submission={submission} action="create a session" fields={FIELDS} />
      <Confirmation submission={submission} />
    </form>
  );
}
