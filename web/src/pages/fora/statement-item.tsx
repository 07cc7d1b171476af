import { useState } from "react";
import { Link } from "react-router";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { LinkedText } from "../../components/linked-text.tsx";
import { MarkdownHtml } from "../../components/markdown-html.tsx";
import { counted } from "./fora-queries.ts";
import type { ProposalSummary, SessionDetail, Statement } from "./fora-queries.ts";
import { RecordActions } from "./record-actions.tsx";
import { StatementForm } from "./statement-form.tsx";
import { WriteError, useSubmission } from "./write-forms.tsx";

/** What writers may do with the session's statements (null for readers: no write control is shown). */
export interface StatementWriting {
  /** The statement whose edit form is open, if any. */
  readonly editingId: number | null;
  readonly onEdit: (id: number | null) => void;
  /** After a change or deletion, with its confirmation. */
  readonly onChanged: (confirmation: string) => void;
}

type StatementStance = Statement["stances"][number];

function proposalTitle(proposals: readonly ProposalSummary[], id: number): string {
  return proposals.find((p) => p.id === id)?.title ?? `proposal #${id}`;
}

/** One stance chip; writers may remove a wrongly recorded stance, after confirming. */
function StanceChip({ stance, statement, proposals, writing }: { readonly stance: StatementStance; readonly statement: Statement; readonly proposals: readonly ProposalSummary[]; readonly writing: StatementWriting | null }) {
  const submission = useSubmission();
  const [asking, setAsking] = useState(false);
  const title = proposalTitle(proposals, stance.proposalId);
  const remove = () => {
    void submission.run(async () => {
      await unwrap(api.DELETE("/api/statements/{id}/stances/{proposalId}", { params: { path: { id: statement.id, proposalId: stance.proposalId } } }));
      const confirmation = `Removed the stance “${stance.stance}” of ${statement.speakerName} on “${title}”.`;
      writing?.onChanged(confirmation);
      return confirmation;
    });
  };
  return (
    <div className="stance-entry">
      <span className={`stance-chip stance-${stance.stance}`}>{stance.stance}</span>
      <Link to={`/proposals/${stance.proposalId}`}>{title}</Link>
      {stance.note === null ? "" : ` — ${stance.note}`}{" "}
      {writing === null ? null : asking ? (
        <span className="delete-question no-print" role="group" aria-label={`Confirm: remove the stance on ${title}`}>
          Remove this stance?{" "}
          <button type="button" className="button-danger button-small" disabled={submission.sending} onClick={remove}>
            Yes, remove
          </button>{" "}
          <button type="button" className="button-secondary button-small" disabled={submission.sending} onClick={() => setAsking(false)}>
            Keep it
          </button>
        </span>
      ) : (
        <button type="button" className="button-secondary button-small no-print" onClick={() => setAsking(true)} aria-label={`Remove the stance on ${title}`}>
          Remove stance
        </button>
      )}
      <WriteError submission={submission} action="remove the stance" />
    </div>
  );
}

function StatementSource({ statement }: { readonly statement: Statement }) {
  return (
    <>
      Source: {statement.sourceUrl === null ? null : <LinkedText text={statement.sourceUrl} />}
      {statement.sourceUrl !== null && statement.sourceReference !== null ? "; " : ""}
      {statement.sourceReference === null ? null : <LinkedText text={statement.sourceReference} />}
    </>
  );
}

/** One statement: its day and source, what was said, its stances; for writers, Edit (the form, in place) and Delete. */
export function StatementItem({
  statement: s,
  session,
  proposals,
  writing,
}: {
  readonly statement: Statement;
  readonly session: SessionDetail;
  readonly proposals: readonly ProposalSummary[];
  readonly writing: StatementWriting | null;
}) {
  if (writing !== null && writing.editingId === s.id) {
    return (
      <li className="statement-item statement-editing">
        <StatementForm session={session} proposals={proposals} statement={s} onRecorded={writing.onChanged} onCancel={() => writing.onEdit(null)} />
      </li>
    );
  }
  const what = `the statement of ${s.speakerName} on ${s.deliveredOn}`;
  return (
    <li className="statement-item" data-statement={s.id}>
      <p className="statement-meta">
        {s.deliveredOn} · <StatementSource statement={s} />
      </p>
      <MarkdownHtml html={s.summary.html} />
      {s.stances.length === 0 ? null : (
        <div className="statement-meta">
          {s.stances.map((stance) => (
            <StanceChip key={stance.id} stance={stance} statement={s} proposals={proposals} writing={writing} />
          ))}
        </div>
      )}
      {writing === null ? null : (
        <RecordActions
          what={what}
          onEdit={() => writing.onEdit(s.id)}
          deleteQuestion={
            s.stances.length === 0
              ? `Delete ${what}?`
              : `Delete ${what} and its ${counted(s.stances.length, "stance")}? The proposals' tallies then fall back to the speaker's earlier statement, or to silent.`
          }
          remove={async () => {
            const removed = await unwrap(api.DELETE("/api/statements/{id}", { params: { path: { id: s.id } } }));
            return `Deleted ${what}${removed.removedStances.length === 0 ? "" : ` and its ${counted(removed.removedStances.length, "stance")}`}.`;
          }}
          onRemoved={writing.onChanged}
        />
      )}
    </li>
  );
}
