import { api } from "../../api/api-client.ts";
import type { Schemas } from "../../api/api-client.ts";
import { ApiError, unwrap } from "../../api/api-error.ts";
import { cachedQuery } from "../../api/query-cache.ts";

export type ConsultationListItem = Schemas["ConsultationListItem"];
export type ConsultationDetail = Schemas["ConsultationDetail"];
export type ConsultationComment = Schemas["ConsultationComment"];
export type ConsultationInvitation = Schemas["ConsultationInvitation"];
export type ConsultationKind = ConsultationDetail["kind"];
export type ConsultationStatus = ConsultationDetail["status"];
export type StakeholderSector = ConsultationInvitation["sector"];
export type CommentVisibility = ConsultationComment["visibility"];

export const CONSULTATION_KINDS: readonly ConsultationKind[] = ["position", "standard", "best-practice"];
export const STAKEHOLDER_SECTORS: readonly StakeholderSector[] = ["commercial", "academic", "non-profit", "government"];

export const KIND_LABELS: Readonly<Record<ConsultationKind, string>> = { position: "position", standard: "standard", "best-practice": "best practice" };

/**
 * A read that may be refused: the consultation pages show 401 (sign in), 403 (role) and 404 (not found, or not
 * invited: the API answers the same for both) as states of the page, not as failures.
 */
export type Readable<T> = { readonly ok: true; readonly value: T; readonly readAtMs: number } | { readonly ok: false; readonly error: ApiError };

/** `readAtMs`: when the answer came (the "as of" of what the page shows, and its reference for "in 3 days"). */
async function readable<T>(read: Promise<T>): Promise<Readable<T>> {
  try {
    const value = await read;
    return { ok: true, value, readAtMs: Date.now() };
  } catch (error) {
    if (error instanceof ApiError && [401, 403, 404].includes(error.status)) return { ok: false, error };
    throw error;
  }
}

/**
 * Workspace data changes under the user's hands (comments arrive, invitations are sent), so every read is keyed by a
 * `freshness` token that the page changes on each visit and after each of its own writes (see use-freshness.ts); the
 * shared query cache then only dedupes the reads of one render pass.
 */
export function loadConsultationList(status: ConsultationStatus | undefined, freshness: string) {
  return cachedQuery(`consultations:${status ?? "all"}:${freshness}`, () =>
    readable(unwrap(api.GET("/api/consultations", { params: { query: status === undefined ? {} : { status } } }))),
  );
}

export function loadConsultation(id: number, freshness: string) {
  return cachedQuery(`consultation:${id}:${freshness}`, () => readable(unwrap(api.GET("/api/consultations/{id}", { params: { path: { id } } }))));
}

export function loadComments(id: number, freshness: string) {
  return cachedQuery(`consultation-comments:${id}:${freshness}`, () =>
    readable(unwrap(api.GET("/api/consultations/{id}/comments", { params: { path: { id }, query: {} } })).then((list) => list.items)),
  );
}

/** The positions an organiser may link a new consultation to (analysts and admins read them all). */
export function loadPositionChoices(freshness: string) {
  return cachedQuery(`consultation-position-choices:${freshness}`, () => readable(unwrap(api.GET("/api/positions", { params: { query: {} } })).then((list) => list.items)));
}

export interface NewConsultation {
  readonly title: string;
  readonly kind: ConsultationKind;
  readonly deadline: string;
  readonly draftMarkdown: string;
  readonly internalNote: string | null;
  readonly positionId: number | null;
}

export function openConsultation(input: NewConsultation) {
  return unwrap(api.POST("/api/consultations", { body: input }));
}

export interface Invitee {
  readonly email: string;
  readonly sector: StakeholderSector;
  readonly organisation: string;
}

export function inviteStakeholders(id: number, invitees: readonly Invitee[]) {
  return unwrap(api.POST("/api/consultations/{id}/invitations", { params: { path: { id } }, body: { invitees: [...invitees] } })).then((list) => list.items);
}

export function resendInvitation(id: number, invitationId: number) {
  return unwrap(api.POST("/api/consultations/{id}/invitations/{invitationId}/send", { params: { path: { id, invitationId } } }));
}

export function closeConsultation(id: number) {
  return unwrap(api.POST("/api/consultations/{id}/close", { params: { path: { id } } }));
}

export interface NewComment {
  readonly paragraphNumber: number;
  readonly visibility: CommentVisibility;
  readonly bodyMarkdown: string;
}

export function addComment(id: number, comment: NewComment) {
  return unwrap(api.POST("/api/consultations/{id}/comments", { params: { path: { id } }, body: comment }));
}

/** The organisers' summary as a file: the API answers it as a download (Content-Disposition). */
export function summaryHref(id: number, format: "md" | "csv"): string {
  return `/api/consultations/${id}/summary?format=${format}`;
}

/** A position's current text (Markdown), to start a draft from. */
export function readPositionText(id: number) {
  return unwrap(api.GET("/api/positions/{id}", { params: { path: { id } } })).then((position) => position.text.markdown);
}
