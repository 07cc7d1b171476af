import { useState } from "react";
import { formatMinuteUtc } from "./consultation-labels.tsx";
import { closeConsultation } from "./consultation-queries.ts";
import type { ConsultationDetail } from "./consultation-queries.ts";
import { Confirmation, SubmitError, useSubmission } from "./form-feedback.tsx";

/** Closes an open consultation after an explicit second click (no comment is accepted afterwards; it cannot be undone). */
export function CloseConsultation({ detail, onClosed }: { readonly detail: ConsultationDetail; readonly onClosed: () => void }) {
  const [asking, setAsking] = useState(false);
  const { sending, error, confirmation, submit } = useSubmission();
  if (detail.status === "closed") return confirmation === null ? null : <Confirmation text={confirmation} />;
  const close = async () => {
    const closed = await submit(() => closeConsultation(detail.id), (c) => `Consultation closed ${formatMinuteUtc(c.closedAt)}: no more comments are accepted.`);
    if (closed !== undefined) {
      setAsking(false);
      onClosed();
    }
  };
  return (
    <div className="close-consultation no-print">
      {asking ? (
        <div className="confirm-box" role="group" aria-label="Confirm closing">
          <p>Close “{detail.title}” now? Stakeholders can no longer comment, and it cannot be reopened.</p>
          <div className="button-row">
            <button type="button" className="button-danger" onClick={() => void close()} disabled={sending}>
              {sending ? "Closing…" : "Close now"}
            </button>
            <button type="button" className="button-secondary" onClick={() => setAsking(false)} disabled={sending}>
              Keep it open
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setAsking(true)}>
          Close the consultation…
        </button>
      )}
      <SubmitError error={error} action="close the consultation" />
    </div>
  );
}
