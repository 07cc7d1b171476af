import type { CommentVisibility, ConsultationListItem } from "./consultation-queries.ts";

/** "2026-03-01 17:00 UTC". */
export function formatMinuteUtc(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "in 3 days", "in 5 hours", "passed 2 days ago", relative to `nowMs`. */
export function deadlineDistance(deadlineIso: string, nowMs: number): string {
  const ms = Date.parse(deadlineIso) - nowMs;
  if (!Number.isFinite(ms)) return "";
  const hours = Math.abs(ms) / 3_600_000;
  const amount = hours >= 48 ? `${Math.floor(hours / 24)} days` : hours >= 2 ? `${Math.floor(hours)} hours` : `${Math.max(1, Math.round(hours * 60))} minutes`;
  return ms >= 0 ? `in ${amount}` : `passed ${amount} ago`;
}

type StatusFields = Pick<ConsultationListItem, "status" | "acceptingComments">;

/** open (taking comments), open past its deadline, or closed: as words, never as colour alone. */
export function statusText(c: StatusFields): string {
  if (c.status === "closed") return "closed";
  return c.acceptingComments ? "open for comments" : "deadline passed";
}

export function StatusBadge({ consultation }: { readonly consultation: StatusFields }) {
  const tone = consultation.status === "closed" ? "closed" : consultation.acceptingComments ? "open" : "passed";
  return (
    <span className={`badge badge-${tone}`} data-status={tone}>
      {statusText(consultation)}
    </span>
  );
}

/** Public or confidential, marked with words and a border style (not colour alone). */
export function VisibilityBadge({ visibility }: { readonly visibility: CommentVisibility }) {
  return visibility === "confidential" ? (
    <span className="badge badge-confidential" title="Only the organisers and its author see it">
      confidential
    </span>
  ) : (
    <span className="badge badge-public" title="Every invitee of this consultation and the organisers see it">
      public
    </span>
  );
}
