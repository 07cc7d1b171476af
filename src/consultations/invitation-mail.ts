import type { MailMessage } from "../sources/smtp-mail-sender.ts";

export interface InvitationMailInput {
  readonly to: string;
  readonly consultationTitle: string;
  readonly deadlineIso: string;
  /** The organiser who invites: display name and e-mail. */
  readonly organiserName: string;
  readonly organiserEmail: string | null;
  readonly link: string;
  readonly expiresAtIso: string;
}

/** `2026-03-01T17:00:00.000Z` → `2026-03-01 17:00 UTC`. */
function readableUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The invitation e-mail: names the consultation, its deadline and the organiser, gives the link and says it works
 * once (and until when). Plain text, so nothing in a title can become markup. Pure.
 */
export function composeInvitationMail(input: InvitationMailInput): MailMessage {
  const organiser = input.organiserEmail === null ? input.organiserName : `${input.organiserName} <${input.organiserEmail}>`;
  const text = [
    "Hello,",
    "",
    `${organiser} invites you to comment on the consultation "${input.consultationTitle}".`,
    `Comments are accepted until ${readableUtc(input.deadlineIso)}.`,
    "",
    "Open this link to accept the invitation and set up your access:",
    "",
    input.link,
    "",
    `The link is single-use: it works once, and only until ${readableUtc(input.expiresAtIso)}. Do not forward it;`,
    "whoever opens it first gets your access. If it has expired or was used by someone else, ask the organiser for a new one.",
    "",
    "— Concord",
  ].join("\n");
  return { to: input.to, subject: `Invitation to comment: ${input.consultationTitle} (deadline ${readableUtc(input.deadlineIso)})`, text };
}
