import { useId, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { PROPOSAL_STATUSES } from "./fora-queries.ts";
import type { ProposalDetail } from "./fora-queries.ts";
import { ProposalForm } from "./proposal-form.tsx";
import { ChangeNotice } from "./record-actions.tsx";
import { SelectField, WriteError, useSubmission } from "./write-forms.tsx";

type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * A proposal's status over time (as created, then each change, from the audit log), and for writers the quick status
 * change (under negotiation → adopted, withdrawn …) and the Edit button that opens the whole proposal, prefilled.
 */

export function StatusHistory({ proposal }: { readonly proposal: ProposalDetail }) {
  const headingId = useId();
  if (proposal.statusHistory.length === 0) return null;
  return (
    <section className="status-history" aria-labelledby={headingId}>
      <h2 id={headingId}>Status history</h2>
      <ol>
        {proposal.statusHistory.map((change) => (
          <li key={`${change.at}:${change.status}`}>
            <time dateTime={change.at}>{change.at.slice(0, 10)}</time>{" "}
            {change.previousStatus === null ? (
              <>
                created as <strong>{change.status}</strong>
              </>
            ) : (
              <>
                {change.previousStatus} → <strong>{change.status}</strong>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function StatusChange({ proposal, onChanged, onEdit }: { readonly proposal: ProposalDetail; readonly onChanged: (confirmation: string) => void; readonly onEdit: () => void }) {
  const submission = useSubmission();
  const [status, setStatus] = useState<string>(proposal.status);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async () => {
      const changed = await unwrap(api.PATCH("/api/proposals/{id}", { params: { path: { id: proposal.id } }, body: { status: status as ProposalStatus } }));
      const confirmation = `Changed the status from ${proposal.status} to ${changed.status}.`;
      onChanged(confirmation);
      return confirmation;
    });
  };
  return (
    <form className="ws-form status-change no-print" aria-label="Change the status" onSubmit={submit}>
      <div className="ws-form-grid">
        <SelectField label="Status" field="status" submission={submission} value={status} onChange={setStatus} choices={PROPOSAL_STATUSES.map((s) => ({ value: s, label: s }))} className="field-narrow" />
        <div className="form-actions">
          <button type="submit" disabled={submission.sending || status === proposal.status}>
            {submission.sending ? "Changing…" : "Change the status"}
          </button>
          <button type="button" className="button-secondary" onClick={onEdit} aria-label="Edit the proposal">
            Edit
          </button>
        </div>
      </div>
      <WriteError submission={submission} action="change the status" fields={["status"]} />
    </form>
  );
}

/** Writers: the quick status change and the Edit button; the prefilled form while editing; the last change's confirmation. */
export function ProposalChanges({ proposal, onChanged }: { readonly proposal: ProposalDetail; readonly onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (confirmation: string) => {
    setEditing(false);
    setNotice(confirmation);
    onChanged();
  };
  return (
    <>
      {editing ? (
        <ProposalForm forumId={proposal.forumId} forumName={proposal.forumName} proposal={proposal} onCreated={changed} onCancel={() => setEditing(false)} />
      ) : (
        <StatusChange
          key={proposal.updatedAt}
          proposal={proposal}
          onChanged={changed}
          onEdit={() => {
            setNotice(null);
            setEditing(true);
          }}
        />
      )}
      <ChangeNotice text={notice} />
    </>
  );
}
