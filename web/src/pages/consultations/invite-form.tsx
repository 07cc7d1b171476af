import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Confirmation, FieldMessage, fieldError, invalidProps, SubmitError, useSubmission } from "./form-feedback.tsx";
import { inviteStakeholders, STAKEHOLDER_SECTORS } from "./consultation-queries.ts";
import type { ConsultationInvitation, Invitee, StakeholderSector } from "./consultation-queries.ts";

interface Row extends Invitee {
  readonly key: number;
}

let rowKeys = 0;
const blankRow = (): Row => ({ key: ++rowKeys, email: "", sector: "commercial", organisation: "" });

function outcomeText(made: readonly ConsultationInvitation[]): string {
  const failed = made.filter((i) => i.sendError !== null);
  const sent = made.length - failed.length;
  const base = `${made.length} invitation${made.length === 1 ? "" : "s"} made: ${sent} e-mail${sent === 1 ? "" : "s"} sent`;
  return failed.length === 0 ? `${base}.` : `${base}, ${failed.length} not sent (${failed.map((i) => i.email).join(", ")}): see the send error in the table and re-send.`;
}

/**
 * Invites stakeholders by e-mail, several at once: each row an e-mail, its sector and its organisation. The API sends
 * each a single-use link; a failed sending is kept on the invitation (shown in the table, to re-send).
 */
export function InviteForm({ consultationId, onInvited }: { readonly consultationId: number; readonly onInvited: () => void }) {
  const [rows, setRows] = useState<readonly Row[]>(() => [blankRow()]);
  const { sending, error, confirmation, submit } = useSubmission();
  const formId = useId();
  const update = (key: number, patch: Partial<Invitee>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invitees = rows.map(({ email, sector, organisation }) => ({ email: email.trim(), sector, organisation: organisation.trim() }));
    const made = await submit(() => inviteStakeholders(consultationId, invitees), outcomeText);
    if (made !== undefined) {
      setRows([blankRow()]);
      onInvited();
    }
  };
  return (
    <form className="workspace-form invite-form no-print" onSubmit={(e) => void onSubmit(e)} aria-label="Invite stakeholders" noValidate>
      <h3>Invite stakeholders</h3>
      <p className="muted">Each invitee gets an e-mail with a single-use link, valid until the deadline (14 days at most). Sector and organisation group the comments.</p>
      {rows.map((row, index) => {
        const field = `invitees.${index}`;
        const emailError = fieldError(error, `${field}.email`);
        const organisationError = fieldError(error, `${field}.organisation`);
        const sectorError = fieldError(error, `${field}.sector`);
        const id = `${formId}-${row.key}`;
        return (
          <fieldset key={row.key} className="invitee-row" data-invitee-row={index}>
            <legend className="visually-hidden">Invitee {index + 1}</legend>
            <label className="field field-wide">
              <span>E-mail of invitee {index + 1}</span>
              <input type="email" required autoComplete="off" value={row.email} onChange={(e) => update(row.key, { email: e.currentTarget.value })} {...invalidProps(emailError, `${id}-email`)} />
              <FieldMessage id={`${id}-email`} message={emailError} />
            </label>
            <label className="field">
              <span>Sector</span>
              <select value={row.sector} onChange={(e) => update(row.key, { sector: e.currentTarget.value as StakeholderSector })} {...invalidProps(sectorError, `${id}-sector`)}>
                {STAKEHOLDER_SECTORS.map((sector) => (
                  <option key={sector} value={sector}>
                    {sector}
                  </option>
                ))}
              </select>
              <FieldMessage id={`${id}-sector`} message={sectorError} />
            </label>
            <label className="field field-wide">
              <span>Organisation</span>
              <input required maxLength={200} value={row.organisation} onChange={(e) => update(row.key, { organisation: e.currentTarget.value })} {...invalidProps(organisationError, `${id}-organisation`)} />
              <FieldMessage id={`${id}-organisation`} message={organisationError} />
            </label>
            {rows.length > 1 ? (
              <button type="button" className="button-secondary invitee-remove" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))} aria-label={`Remove invitee ${index + 1}`}>
                Remove
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => setRows((current) => [...current, blankRow()])} disabled={rows.length >= 100}>
          Add another invitee
        </button>
        <button type="submit" disabled={sending}>
          {sending ? "Sending…" : `Send ${rows.length === 1 ? "the invitation" : `${rows.length} invitations`}`}
        </button>
      </div>
      <SubmitError error={error} action="invite these stakeholders" fields={rows.map((_, index) => `invitees.${index}`)} />
      <Confirmation text={confirmation} />
    </form>
  );
}
