import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { formatUtc } from "../../format/figures.ts";
import { counted } from "../fora/fora-queries.ts";
import { Confirmation, WriteError, useMayWrite, useSubmission } from "../fora/write-forms.tsx";
import { PersonName } from "./person-name.tsx";
import { CLEARANCE_STATUSES, STATUS_LABELS } from "./positions-queries.ts";
import type { PositionDetail } from "./positions-queries.ts";

type Transition = PositionDetail["transitions"][number];

const ACTION_LABELS: Readonly<Record<Transition["action"], string>> = {
  submit: "Submit for review",
  return: "Return to draft",
  clear: "Clear",
  deliver: "Mark as delivered",
  reopen: "Reopen (back to draft)",
};

const DONE_LABELS: Readonly<Record<Transition["action"], string>> = {
  submit: "Submitted for review",
  return: "Returned to draft",
  clear: "Cleared",
  deliver: "Marked as delivered (final)",
  reopen: "Reopened",
};

/** draft → under review → cleared → delivered, with the current step marked (in words, not colour alone). */
function ClearancePath({ status }: { readonly status: PositionDetail["status"] }) {
  const current = CLEARANCE_STATUSES.indexOf(status);
  return (
    <ol className="clearance-path" aria-label="Clearance">
      {CLEARANCE_STATUSES.map((s, index) => (
        <li key={s} className={index < current ? "done" : index === current ? "current" : "todo"} aria-current={index === current ? "step" : undefined}>
          {STATUS_LABELS[s]}
          {index === current ? <span className="visually-hidden"> (current)</span> : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * The clearance status with the next steps as buttons (writers). Each step says whether the server will take it from
 * this user now (e.g. the second-person rule for clearing); the server decides either way, and its 403 / 409 answer is
 * shown as it gives it.
 */
export function PositionClearance({ position, onChanged }: { readonly position: PositionDetail; readonly onChanged: () => void }) {
  const mayWrite = useMayWrite();
  const submission = useSubmission();
  const take = (transition: Transition) => {
    void submission.run(async () => {
      const result = await unwrap(api.POST("/api/positions/{id}/transitions", { params: { path: { id: position.id } }, body: { to: transition.to } }));
      onChanged();
      return `${DONE_LABELS[transition.action]}: the position is now ${STATUS_LABELS[result.status]} (version ${result.currentVersion}).`;
    });
  };
  return (
    <section className="clearance-panel" aria-labelledby="clearance-heading">
      <h2 id="clearance-heading">Clearance</h2>
      <ClearancePath status={position.status} />
      <p className="muted">
        Version {position.currentVersion}; content last changed by <PersonName person={position.lastEditedBy} />. Clearing needs someone other than the last editor (an administrator may
        clear its own text); any edit of an under-review or cleared text sends it back to draft; delivered is final.
      </p>
      {mayWrite && position.transitions.length > 0 ? (
        <div className="clearance-steps no-print">
          {position.transitions.map((t) => (
            <div key={t.action} className="clearance-step">
              <button type="button" className={t.allowed ? undefined : "button-secondary"} disabled={submission.sending} onClick={() => take(t)} data-action={t.action}>
                {ACTION_LABELS[t.action]}
              </button>
              {t.allowed ? null : <span className="field-hint">The server will refuse this for you now: {t.reason}.</span>}
            </div>
          ))}
        </div>
      ) : null}
      {position.status === "delivered" ? <p className="write-note">Delivered is final: the text and its figures can no longer change.</p> : null}
      <WriteError
        submission={submission}
        action="take this clearance step"
        conflictAdvice={
          <p>
            The position may have been changed meanwhile: <button type="button" className="button-secondary" onClick={onChanged}>reload the latest state</button>
          </p>
        }
      />
      <Confirmation submission={submission} />
      {position.statusHistory.length === 0 ? null : (
        <details className="status-history" open>
          <summary>Status history ({counted(position.statusHistory.length, "change")})</summary>
          <ol>
            {position.statusHistory.map((h, index) => (
              <li key={index}>
                {STATUS_LABELS[h.from]} → <strong>{STATUS_LABELS[h.to]}</strong> at version {h.version}, by <PersonName person={h.changedBy} />, {formatUtc(h.changedAt)}
                {h.reason === "" ? "" : ` (${h.reason})`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
