import { useEffect, useId, useRef, useState } from "react";
import type { FormEvent, ReactNode } from "react";
import { Link } from "react-router";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { PROPOSAL_KINDS, PROPOSAL_STATUSES } from "./fora-queries.ts";
import type { ProposalSummary } from "./fora-queries.ts";
import { Confirmation, FormActions, SelectField, TextAreaField, TextField, WriteError, optional, useSubmission } from "./write-forms.tsx";

type ProposalKind = (typeof PROPOSAL_KINDS)[number];
type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * Analysts and admins: a proposal under negotiation in a forum (a draft norm, guideline or practice); or, given
 * `proposal`, change that one as its life moves on (the same form, prefilled: a revised draft's symbol, its status,
 * title and description).
 */
export function ProposalForm({
  forumId,
  forumName,
  onCreated,
  proposal,
  onCancel,
}: {
  readonly forumId: string;
  readonly forumName: string;
  /** After a success, with its confirmation. */
  readonly onCreated: (confirmation: string) => void;
  readonly proposal?: ProposalSummary | undefined;
  readonly onCancel?: (() => void) | undefined;
}) {
  const submission = useSubmission();
  const headingId = useId();
  const [title, setTitle] = useState(proposal?.title ?? "");
  const [kind, setKind] = useState<string>(proposal?.kind ?? "guideline");
  const [documentSymbol, setDocumentSymbol] = useState(proposal?.documentSymbol ?? "");
  const [description, setDescription] = useState(proposal?.description.markdown ?? "");
  const [status, setStatus] = useState<string>(proposal?.status ?? "under-negotiation");
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (proposal !== undefined) formRef.current?.querySelector("input")?.focus();
  }, [proposal]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async (): Promise<ReactNode> => {
      const body = { title: title.trim(), kind: kind as ProposalKind, documentSymbol: optional(documentSymbol), descriptionMarkdown: description, status: status as ProposalStatus };
      if (proposal !== undefined) {
        const changed = await unwrap(api.PATCH("/api/proposals/{id}", { params: { path: { id: proposal.id } }, body }));
        const confirmation = `Saved the proposal “${changed.title}” (${changed.status}).`;
        onCreated(confirmation);
        return confirmation;
      }
      const created = await unwrap(api.POST("/api/proposals", { body: { forumId, ...body } }));
      setTitle("");
      setDocumentSymbol("");
      setDescription("");
      onCreated(`Created the proposal “${created.title}”.`);
      return (
        <>
          Created the proposal “{created.title}”. <Link to={`/proposals/${created.id}`}>Open its tally</Link>, or record the statements that take a stance on it below.
        </>
      );
    });
  };
  return (
    <form key={submission.generation} ref={formRef} className="ws-form no-print" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>{proposal === undefined ? `Add a proposal in ${forumName}` : "Edit the proposal"}</h3>
      <div className="ws-form-grid">
        <TextField label="Title" field="title" submission={submission} value={title} onChange={setTitle} required className="field-wide" placeholder="e.g. Guidelines on space traffic coordination practices" />
        <SelectField label="Kind" field="kind" submission={submission} value={kind} onChange={setKind} choices={PROPOSAL_KINDS.map((k) => ({ value: k, label: k }))} className="field-narrow" />
        <SelectField label="Status" field="status" submission={submission} value={status} onChange={setStatus} choices={PROPOSAL_STATUSES.map((s) => ({ value: s, label: s }))} className="field-narrow" />
        <TextField
          label="Document symbol"
          field="documentSymbol"
          submission={submission}
          value={documentSymbol}
          onChange={setDocumentSymbol}
          placeholder="e.g. A/AC.105/C.1/L.400"
          {...(proposal === undefined ? {} : { hint: "A revised draft has its own symbol (…/Rev.1)." })}
        />
      </div>
      <TextAreaField label="Description (Markdown)" field="descriptionMarkdown" submission={submission} value={description} onChange={setDescription} required rows={3} />
      <FormActions submission={submission} editing={proposal !== undefined} add={["Add the proposal", "Adding…"]} save={["Save the proposal", "Saving…"]} onCancel={onCancel} />
      <WriteError submission={submission} action={proposal === undefined ? "add a proposal" : "save the proposal"} fields={["title", "kind", "status", "documentSymbol", "descriptionMarkdown"]} />
      <Confirmation submission={submission} />
    </form>
  );
}
