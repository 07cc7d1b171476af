import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { formatMinuteUtc } from "./consultation-labels.tsx";
import { resendInvitation } from "./consultation-queries.ts";
import type { ConsultationDetail, ConsultationInvitation } from "./consultation-queries.ts";
import { Confirmation, SubmitError, useSubmission } from "./form-feedback.tsx";
import { InviteForm } from "./invite-form.tsx";

type Invitation = ConsultationInvitation;

/** accepted / sent / send error / not sent, in words. */
function invitationState(i: Invitation): string {
  if (i.acceptedAt !== null) return "accepted";
  if (i.sendError !== null) return "send error";
  return i.sentAt === null ? "not sent" : "sent";
}

function StateCell({ invitation }: { readonly invitation: Invitation }) {
  const state = invitationState(invitation);
  return (
    <span className={`invitation-state invitation-${state.replace(" ", "-")}`} data-state={state}>
      <strong>{state}</strong>
      <span className="cell-sub">
        {state === "accepted"
          ? formatMinuteUtc(invitation.acceptedAt)
          : state === "send error"
            ? invitation.sendError
            : state === "sent"
              ? `${formatMinuteUtc(invitation.sentAt)}; link valid until ${formatMinuteUtc(invitation.expiresAt)}`
              : "the e-mail has not gone out"}
      </span>
    </span>
  );
}

function ResendButton({ consultationId, invitation, onSent }: { readonly consultationId: number; readonly invitation: Invitation; readonly onSent: () => void }) {
  const { sending, error, confirmation, submit } = useSubmission();
  const resend = async () => {
    const result = await submit(
      () => resendInvitation(consultationId, invitation.id),
      (sent) => (sent.sendError === null ? `New link sent to ${sent.email}.` : `Not sent again: ${sent.sendError}`),
    );
    if (result !== undefined) onSent();
  };
  return (
    <div className="resend">
      <button type="button" className="button-secondary" onClick={() => void resend()} disabled={sending} aria-label={`Re-send the invitation to ${invitation.email}`}>
        {sending ? "Sending…" : "Re-send"}
      </button>
      <SubmitError error={error} action={`re-send the invitation to ${invitation.email}`} />
      {confirmation === null ? null : <Confirmation text={confirmation} />}
    </div>
  );
}

/**
 * The invitations of a consultation (organisers only: the API sends them to organisers alone): who, which sector and
 * organisation, and whether the e-mail went out, failed (with the SMTP error) or was accepted; re-send a pending one
 * (a new link, the old one stops working) and invite more while the consultation takes comments.
 */
export function InvitationsPanel({ detail, onChanged }: { readonly detail: ConsultationDetail; readonly onChanged: () => void }) {
  const invitations = detail.invitations ?? [];
  const columns: TableColumn<Invitation>[] = [
    { header: "E-mail", value: (i) => i.email },
    { header: "Sector", value: (i) => i.sector },
    { header: "Organisation", value: (i) => i.organisation, wrap: true },
    { header: "Invited", value: (i) => i.invitedAt, cell: (i) => <>{formatMinuteUtc(i.invitedAt)}{i.invitedBy === null ? null : <span className="cell-sub">by {i.invitedBy.displayName}</span>}</> },
    { header: "Invited by", value: (i) => i.invitedBy?.email ?? null, csvOnly: true },
    { header: "State", value: (i) => invitationState(i), cell: (i) => <StateCell invitation={i} />, wrap: true },
    { header: "Sent at", value: (i) => i.sentAt, csvOnly: true },
    { header: "Send error", value: (i) => i.sendError, csvOnly: true },
    { header: "Accepted at", value: (i) => i.acceptedAt, csvOnly: true },
    { header: "Link valid until", value: (i) => i.expiresAt, csvOnly: true },
    {
      header: "Action",
      value: () => null,
      screenOnly: true,
      cell: (i) => (i.acceptedAt === null && detail.acceptingComments ? <ResendButton consultationId={detail.id} invitation={i} onSent={onChanged} /> : <span className="muted">—</span>),
    },
  ];
  const accepted = invitations.filter((i) => i.acceptedAt !== null).length;
  const failed = invitations.filter((i) => i.acceptedAt === null && i.sendError !== null).length;
  return (
    <section className="section" aria-labelledby="invitations">
      <h2 id="invitations">
        Invitations <span className="heading-count">{invitations.length} in all, {accepted} accepted{failed > 0 ? `, ${failed} with a send error` : ""}</span>
      </h2>
      <DataTable
        caption={`${invitations.length} invitation${invitations.length === 1 ? "" : "s"}`}
        columns={columns}
        rows={invitations}
        rowKey={(i) => i.id}
        csvName={`concord-consultation-${detail.id}-invitations`}
        empty={<EmptyState title="No stakeholder invited yet.">{detail.acceptingComments ? <p>Invite them below by e-mail.</p> : <p>The consultation no longer takes comments.</p>}</EmptyState>}
      />
      {detail.acceptingComments ? (
        <InviteForm consultationId={detail.id} onInvited={onChanged} />
      ) : (
        <p className="muted">The consultation is {detail.status === "closed" ? "closed" : "past its deadline"}: no more invitations.</p>
      )}
    </section>
  );
}
