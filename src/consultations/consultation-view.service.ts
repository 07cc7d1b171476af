import type { Kysely } from "kysely";
import { ForbiddenError } from "../core/concord-error.ts";
import { renderMarkdown } from "../core/markdown.ts";
import { listInvitations } from "../store/consultation-invitation.repository.ts";
import type { InvitationRecord } from "../store/consultation-invitation.repository.ts";
import { listConsultations, listParagraphs } from "../store/consultation.repository.ts";
import type { ConsultationListRow, ConsultationRecord } from "../store/consultation.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { acceptsComments, readableConsultation } from "./consultation-access.ts";
import type { ConsultationReader } from "./consultation-reader.ts";
import { isOrganiser, readsEveryConsultation } from "./consultation-reader.ts";
import type { ConsultationKind, ConsultationStatus, StakeholderSector } from "./consultation-vocabulary.ts";

export interface RenderedMarkdown {
  readonly markdown: string;
  /** Sanitised HTML (core/markdown.ts): the only form a page may insert. */
  readonly html: string;
}

const rendered = (markdown: string): RenderedMarkdown => ({ markdown, html: renderMarkdown(markdown) });

/** What everyone allowed to see a consultation sees. */
interface ConsultationBasics {
  readonly id: number;
  readonly title: string;
  readonly kind: ConsultationKind;
  readonly status: ConsultationStatus;
  readonly deadline: string;
  /** Open and before its deadline, at the time of the request. */
  readonly acceptingComments: boolean;
  readonly createdAt: string;
  readonly closedAt: string | null;
  /** The organiser's name (its e-mail only for the internal workspace). */
  readonly organiser: { readonly displayName: string; readonly email?: string } | null;
}

/** Internal fields: the internal workspace only (organisers and viewers), absent for stakeholders. */
interface InternalFields {
  readonly positionId?: number | null;
  readonly internalNote?: RenderedMarkdown | null;
}

export interface ConsultationListItem extends ConsultationBasics, InternalFields {
  readonly paragraphCount: number;
  /** Organisers only. */
  readonly invitationCount?: number;
  readonly commentCount?: number;
}

export interface InvitationView {
  readonly id: number;
  readonly email: string;
  readonly sector: StakeholderSector;
  readonly organisation: string;
  readonly inviteeUserId: number | null;
  readonly invitedBy: { readonly displayName: string; readonly email: string } | null;
  readonly invitedAt: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
  readonly sentAt: string | null;
  readonly sendError: string | null;
}

export interface ConsultationDetail extends ConsultationBasics, InternalFields {
  readonly draft: RenderedMarkdown;
  readonly paragraphs: (RenderedMarkdown & { readonly number: number })[];
  /** Organisers only: every invitation, with the invitees' e-mails. */
  readonly invitations?: InvitationView[];
  /** A stakeholder only: how it was invited. */
  readonly myInvitation?: { readonly sector: StakeholderSector; readonly organisation: string; readonly acceptedAt: string | null };
}

function basics(reader: ConsultationReader, c: ConsultationRecord | ConsultationListRow, now: Date): ConsultationBasics {
  const internal = readsEveryConsultation(reader);
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    status: c.status,
    deadline: c.deadline,
    acceptingComments: acceptsComments(c, now),
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    organiser: c.createdBy === null ? null : internal ? { displayName: c.createdBy.displayName, email: c.createdBy.email } : { displayName: c.createdBy.displayName },
  };
}

function internalFields(reader: ConsultationReader, c: ConsultationRecord | ConsultationListRow): InternalFields {
  if (!readsEveryConsultation(reader)) return {};
  return { positionId: c.positionId, internalNote: c.internalNote === null ? null : rendered(c.internalNote) };
}

export function invitationView(invitation: InvitationRecord): InvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    sector: invitation.sector,
    organisation: invitation.organisation,
    inviteeUserId: invitation.inviteeUserId,
    invitedBy: invitation.invitedBy === null ? null : { displayName: invitation.invitedBy.displayName, email: invitation.invitedBy.email },
    invitedAt: invitation.invitedAt,
    expiresAt: invitation.expiresAt,
    acceptedAt: invitation.acceptedAt,
    sentAt: invitation.sentAt,
    sendError: invitation.sendError,
  };
}

export interface ConsultationListFilter {
  readonly status?: ConsultationStatus;
}

/** The consultations the reader may see (a stakeholder: only those it was invited to), newest deadline first. */
export async function listConsultationsFor(db: Kysely<StoreSchema>, reader: ConsultationReader, filter: ConsultationListFilter, now: Date): Promise<ConsultationListItem[]> {
  const rows = await listConsultations(db, {
    ...(readsEveryConsultation(reader) ? {} : { inviteeUserId: reader.userId }),
    ...(filter.status === undefined ? {} : { status: filter.status }),
  });
  return rows.map((row) => ({
    ...basics(reader, row, now),
    ...internalFields(reader, row),
    paragraphCount: row.paragraphCount,
    ...(isOrganiser(reader) ? { invitationCount: row.invitationCount, commentCount: row.commentCount } : {}),
  }));
}

/** One consultation as the reader may see it; NotFoundError when it may not (see consultation-access.ts). */
export async function loadConsultationFor(db: Kysely<StoreSchema>, reader: ConsultationReader, id: number, now: Date): Promise<ConsultationDetail> {
  const { consultation, invitation } = await readableConsultation(db, reader, id);
  const paragraphs = await listParagraphs(db, id);
  return {
    ...basics(reader, consultation, now),
    ...internalFields(reader, consultation),
    draft: rendered(consultation.draftMarkdown),
    paragraphs: paragraphs.map((p) => ({ number: p.number, ...rendered(p.markdown) })),
    ...(isOrganiser(reader) ? { invitations: (await listInvitations(db, id)).map(invitationView) } : {}),
    ...(invitation === null ? {} : { myInvitation: { sector: invitation.sector, organisation: invitation.organisation, acceptedAt: invitation.acceptedAt } }),
  };
}

/** A consultation's invitations with their sending status: organisers only (ForbiddenError otherwise). */
export async function listInvitationsFor(db: Kysely<StoreSchema>, reader: ConsultationReader, id: number): Promise<InvitationView[]> {
  await readableConsultation(db, reader, id);
  if (!isOrganiser(reader)) throw new ForbiddenError("only the organisers (admin, analyst) see a consultation's invitations");
  return (await listInvitations(db, id)).map(invitationView);
}
