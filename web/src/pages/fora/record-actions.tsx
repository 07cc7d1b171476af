import { useState } from "react";
import type { ReactNode } from "react";
import { WriteError, useSubmission } from "./write-forms.tsx";

/**
 * Writers' Edit and Delete buttons of one recorded thing (a statement, an agenda item). Delete asks again, saying what
 * goes with it, before anything is sent; a refusal (409: curated, still referred to) is said in words beside the
 * buttons. `what` names the thing in the buttons' accessible names ("the statement of France on 2026-06-18").
 */
export function RecordActions({
  what,
  onEdit,
  deleteQuestion,
  remove,
  onRemoved,
  conflictAdvice,
}: {
  readonly what: string;
  readonly onEdit: () => void;
  readonly deleteQuestion: ReactNode;
  /** Sends the deletion; its result is the confirmation to show. */
  readonly remove: () => Promise<string>;
  readonly onRemoved: (confirmation: string) => void;
  readonly conflictAdvice?: ReactNode;
}) {
  const submission = useSubmission();
  const [asking, setAsking] = useState(false);
  const confirm = () => {
    void submission.run(async () => {
      const confirmation = await remove();
      setAsking(false);
      onRemoved(confirmation);
      return confirmation;
    });
  };
  return (
    <div className="record-actions no-print">
      {asking ? (
        <div className="delete-question" role="group" aria-label={`Confirm: delete ${what}`}>
          <span>{deleteQuestion}</span>
          <button type="button" className="button-danger button-small" disabled={submission.sending} onClick={confirm}>
            {submission.sending ? "Deleting…" : "Yes, delete"}
          </button>
          <button
            type="button"
            className="button-secondary button-small"
            disabled={submission.sending}
            onClick={() => {
              setAsking(false);
              submission.reset();
            }}
          >
            Keep it
          </button>
        </div>
      ) : (
        <>
          <button type="button" className="button-secondary button-small" onClick={onEdit} aria-label={`Edit ${what}`}>
            Edit
          </button>
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => {
              submission.reset();
              setAsking(true);
            }}
            aria-label={`Delete ${what}`}
          >
            Delete
          </button>
        </>
      )}
      <WriteError submission={submission} action={`delete ${what}`} {...(conflictAdvice === undefined ? {} : { conflictAdvice })} />
    </div>
  );
}

/** The confirmation of the last change or deletion made in a section of the page. */
export function ChangeNotice({ text }: { readonly text: string | null }) {
  if (text === null) return null;
  return (
    <p className="form-done" role="status">
      {text}
    </p>
  );
}
