import type { Kysely } from "kysely";
import { InvalidInputError, NotFoundError } from "../core/concord-error.ts";
import { findPositionCitation, insertPositionCitation, listPositionCitations, markPositionCitationRemoved } from "../store/position-citation.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { compareCitedFigure } from "./citation-freshness.ts";
import { figureSourceLabel } from "./citation-source.ts";
import type { CitationFreshness } from "./citation-freshness.ts";
import { returnedToDraftMessage } from "./clearance-workflow.ts";
import { readEvidenceFigure } from "./evidence-figure.ts";
import { evidencePathProblem } from "./evidence-resolver.ts";
import type { EvidenceLookup, EvidenceResolver } from "./evidence-resolver.ts";
import { parseJsonPointer } from "./json-pointer.ts";
import { checkedCitationLabel } from "./position-input.ts";
import { citationSnapshot } from "./position-citation.ts";
import type { NewPositionCitation, PositionCitation } from "./position-citation.ts";
import { auditPosition, loadForWrite, recordContentChange } from "./position-write.ts";
import type { ClearanceStatus, PositionActor } from "./position.ts";

/**
 * Cited figures. Citing reads the figure now through the evidence resolver (the app's own public API), keeps its
 * value, as-of date and source (as a reader-facing label without local paths: citation-source.ts), and records who cited it in which version. Adding or removing a figure changes the
 * content: it makes the actor the last editor and sends an under-review or cleared text back to draft (refused once
 * delivered), in one transaction with the audit entry (`position.cite`, `position.uncite`). Reading a position checks
 * every citation against the same figure now (citation-freshness.ts).
 */
export interface CiteFigureInput {
  readonly label: string;
  readonly apiPath: string;
  readonly pointer: string;
  /** Where the figure's date is, when the rule of figure-as-of.ts would pick the wrong one. */
  readonly asOfPointer?: string | null | undefined;
}

export interface CitationWriteResult {
  readonly citation: PositionCitation;
  readonly returnedToDraft: { readonly from: ClearanceStatus; readonly message: string } | null;
}

export async function citeFigure(db: Kysely<StoreSchema>, positionId: number, input: CiteFigureInput, resolve: EvidenceResolver, actor: PositionActor, now: Date): Promise<CitationWriteResult> {
  const label = checkedCitationLabel(input.label);
  const pathProblem = evidencePathProblem(input.apiPath);
  if (pathProblem !== null) throw new InvalidInputError("apiPath", pathProblem);
  if (parseJsonPointer(input.pointer) === null) throw new InvalidInputError("pointer", `${JSON.stringify(input.pointer)} is not a JSON pointer (RFC 6901: /key/0/…)`);
  const asOfPointer = input.asOfPointer ?? null;
  // Read the figure before the transaction opens: the in-process request needs the store too.
  const lookup = await resolve(input.apiPath);
  if (!lookup.ok) throw new InvalidInputError("apiPath", lookup.problem);
  const reading = readEvidenceFigure(lookup.body, input.pointer, asOfPointer);
  if (!reading.ok) throw new InvalidInputError(reading.field, reading.problem);
  const { figure } = reading;
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const { position } = await loadForWrite(trx, positionId);
    const resetFrom = await recordContentChange(trx, position, { toVersion: position.currentVersion, title: position.title, forumSessionId: position.forumSessionId, agendaItemId: position.agendaItemId, reason: "citation" }, actor, atIso);
    const citation: NewPositionCitation = {
      positionId,
      label,
      apiPath: input.apiPath,
      pointer: input.pointer,
      value: figure.value,
      valueText: figure.valueText,
      valueNumber: figure.valueNumber,
      asOf: figure.asOf.asOf,
      source: figureSourceLabel(figure.asOf),
      asOfPointer: figure.asOf.pointer,
      asOfDetail: figure.asOf.detail,
      citedBy: actor.userId,
      citedByLabel: actor.label,
      citedAt: atIso,
      citedInVersion: position.currentVersion,
    };
    const id = await insertPositionCitation(trx, citation);
    await auditPosition(trx, actor, "position.cite", positionId, { status: position.status, citation: null }, { status: "draft", citation: citationSnapshot({ ...citation, id }) }, atIso);
    const stored = await findPositionCitation(trx, positionId, id);
    return { citation: stored as PositionCitation, returnedToDraft: resetFrom === null ? null : { from: resetFrom, message: returnedToDraftMessage(resetFrom) } };
  });
}

/** Removes a cited figure from the position (its row stays, marked removed at the current version). */
export async function removeCitation(db: Kysely<StoreSchema>, positionId: number, citationId: number, actor: PositionActor, now: Date): Promise<CitationWriteResult> {
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const { position } = await loadForWrite(trx, positionId);
    const citation = await findPositionCitation(trx, positionId, citationId);
    if (citation === null || citation.removedAt !== null) throw new NotFoundError("citation", `position ${positionId} cites no figure ${citationId}`);
    const resetFrom = await recordContentChange(trx, position, { toVersion: position.currentVersion, title: position.title, forumSessionId: position.forumSessionId, agendaItemId: position.agendaItemId, reason: "citation" }, actor, atIso);
    await markPositionCitationRemoved(trx, citationId, { removedBy: actor.userId, removedByLabel: actor.label, removedAt: atIso, removedInVersion: position.currentVersion });
    await auditPosition(trx, actor, "position.uncite", positionId, { status: position.status, citation: citationSnapshot(citation) }, { status: "draft", citation: null }, atIso);
    const removed = await findPositionCitation(trx, positionId, citationId);
    return { citation: removed as PositionCitation, returnedToDraft: resetFrom === null ? null : { from: resetFrom, message: returnedToDraftMessage(resetFrom) } };
  });
}

export interface CitationWithFreshness {
  readonly citation: PositionCitation;
  readonly freshness: CitationFreshness;
}

/** A position's current citations, each beside its figure now (each evidence path is read once). */
export async function loadCitationsWithFreshness(db: Kysely<StoreSchema>, positionId: number, resolve: EvidenceResolver): Promise<CitationWithFreshness[]> {
  const citations = await listPositionCitations(db, positionId);
  const paths = [...new Set(citations.map((c) => c.apiPath))];
  const lookups = new Map<string, EvidenceLookup>();
  for (const path of paths) lookups.set(path, await resolve(path));
  return citations.map((citation) => {
    const lookup = lookups.get(citation.apiPath) as EvidenceLookup;
    const reading = lookup.ok ? readEvidenceFigure(lookup.body, citation.pointer, citation.asOfPointer) : null;
    return { citation, freshness: compareCitedFigure(citation, lookup, reading) };
  });
}
