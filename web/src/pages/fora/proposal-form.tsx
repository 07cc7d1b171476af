import { useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { PROPOSAL_KINDS, PROPOSAL_STATUSES } from "./fora-queries.ts";
import { Confirmation, SelectField, TextAreaField, TextField, WriteError, optional, useSubmission } from "./write-forms.tsx";

/** Analysts and admins: a proposal under negotiation in a forum (a draft norm, guideline or practice). */
export function ProposalForm({ forumId, forumName, onCreated }: { readonly forumId: string; readonly forumName: string; readonly onCreated: () => void }) {
  const submission = useSubmission();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<string>("guideline");
  const [documentSymbol, setDocumentSymbol] = useState("");
  const [description, setDescription] = useState("");
  const [status, setStatus] = useState<string>("under-negotiation");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async () => {
      const created = await unwrap(
        api.POST("/api/proposals", {
          body: {
            forumId,
            title: title.trim(),
            kind: kind as (typeof PROPOSAL_KINDS)[number],
            documentSymbol: optional(documentSymbol),
            descriptionMarkdown: description,
            status: status as (typeof PROPOSAL_STATUSES)[number],
          },
        }),
      );
      setTitle("");
      setDocumentSymbol("");
      setDescription("");
      onCreated();
      return (
        <>
          Created the proposal “{created.title}”. <Link to={`/proposals/${created.id}`}>Open its tally</Link>, or record the statements that take a stance on it below.
        </>
      );
    });
  };
  return (
    <form key={submission.generation} className="ws-form no-print" aria-labelledby="create-proposal-heading" onSubmit={submit}>
      <h3 id="create-proposal-heading">Add a proposal in {forumName}</h3>
      <div className="ws-form-grid">
        <TextField label="Title" field="title" submission={submission} value={title} onChange={setTitle} required className="field-wide" placeholder="e.g. Guidelines on space traffic coordination practices" />
        <SelectField label="Kind" field="kind" submission={submission} value={kind} onChange={setKind} choices={PROPOSAL_KINDS.map((k) => ({ value: k, label: k }))} className="field-narrow" />
        <SelectField label="Status" field="status" submission={submission} value={status} onChange={setStatus} choices={PROPOSAL_STATUSES.map((s) => ({ value: s, label: s }))} className="field-narrow" />
        <TextField label="Document symbol" field="documentSymbol" submission={submission} value={documentSymbol} onChange={setDocumentSymbol} placeholder="e.g. A/AC.105/C.1/L.400" />
      </div>
      <TextAreaField label="Description (Markdown)" field="descriptionMarkdown" submission={submission} value={description} onChange={setDescription} required rows={3} />
      <div className="form-actions">
        <button type="submit" disabled={submission.sending}>
          {submission.sending ? "Adding…" : "Add the proposal"}
        </button>
      </div>
      <WriteError submission={submission} action="add a proposal" fields={["title", "kind", "status", "documentSymbol", "descriptionMarkdown"]} />
      <Confirmation submission={submission} />
    </form>
  );
}
