import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { InvalidInputError, NotFoundError } from "../core/concord-error.ts";
import { renderMarkdown } from "../core/markdown.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { loadForaRegistry } from "../store/fora-registry.queries.ts";
import { countStancesByProposal, findProposal, insertProposal, listProposals } from "../store/proposal.repository.ts";
import type { ProposalFilter, ProposalValues } from "../store/proposal.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { listProposalStanceEvidence } from "../store/statement.repository.ts";
import { oneOf, optionalText, requiredText } from "./fora-input.ts";
import { DOCUMENT_SYMBOL } from "./forum-session.ts";
import { PROPOSAL_KINDS, PROPOSAL_STATUSES } from "./proposal.ts";
import type { Proposal } from "./proposal.ts";
import { loadProposalStatusHistory } from "./proposal-status-history.ts";
import type { ProposalStatusChange } from "./proposal-status-history.ts";
import { speakerDirectory } from "./speaker-directory.ts";
import type { SpeakerGroup } from "./speaker-group.ts";
import { deriveProposalStances } from "./stance-derivation.ts";
import type { ProposalStanceView } from "./stance-derivation.ts";

/** Proposals under negotiation, and each state's derived stance with the tally. */

export interface ProposalInput {
  readonly forumId: string;
  readonly title: string;
  readonly kind: string;
  readonly documentSymbol?: string | null | undefined;
  readonly descriptionMarkdown: string;
  readonly status?: string | undefined;
}

export interface ProposalSummary extends Omit<Proposal, "descriptionMarkdown"> {
  readonly forumName: string;
  readonly description: { readonly markdown: string; readonly html: string };
  readonly stanceCount: number;
}

export interface ProposalDetail extends ProposalSummary {
  readonly stances: ProposalStanceView;
  /** Its status as created, then each change of status, oldest first (read from the audit log). */
  readonly statusHistory: readonly ProposalStatusChange[];
}

/** The checked values of a proposal, as created or corrected; each refusal names its field. */
export async function checkedProposalValues(db: Kysely<StoreSchema>, input: ProposalInput): Promise<ProposalValues> {
  const registry = await loadForaRegistry(db);
  if (!registry.fora.has(input.forumId)) throw new InvalidInputError("forumId", `unknown forum ${JSON.stringify(input.forumId)}`);
  const documentSymbol = optionalText("documentSymbol", input.documentSymbol, 100);
  if (documentSymbol !== null && !DOCUMENT_SYMBOL.test(documentSymbol)) {
    throw new InvalidInputError("documentSymbol", `${JSON.stringify(documentSymbol)} is not a UN document symbol such as A/AC.105/C.1/L.400`);
  }
  return {
    forumId: input.forumId,
    title: requiredText("title", input.title, 300),
    kind: oneOf("kind", input.kind, PROPOSAL_KINDS),
    documentSymbol,
    descriptionMarkdown: requiredText("descriptionMarkdown", input.descriptionMarkdown, 50_000),
    status: oneOf("status", input.status ?? "under-negotiation", PROPOSAL_STATUSES),
  };
}

export async function createProposal(db: Kysely<StoreSchema>, input: ProposalInput, actor: AuditActor, now: Date): Promise<Proposal> {
  const values = await checkedProposalValues(db, input);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const proposal = await insertProposal(trx, values, { createdBy: actor.userId, atIso });
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "proposal.create", entityType: "proposal", entityId: String(proposal.id), before: null, after: proposal, atIso });
    return proposal;
  });
}

function summaryOf(proposal: Proposal, forumName: string, stanceCount: number): ProposalSummary {
  const { descriptionMarkdown, ...rest } = proposal;
  return { ...rest, forumName, description: { markdown: descriptionMarkdown, html: renderMarkdown(descriptionMarkdown) }, stanceCount };
}

export async function listProposalSummaries(db: Kysely<StoreSchema>, filter: ProposalFilter = {}): Promise<ProposalSummary[]> {
  const proposals = await listProposals(db, filter);
  const [registry, counts] = await Promise.all([loadForaRegistry(db), countStancesByProposal(db, proposals.map((p) => p.id))]);
  return proposals.map((p) => summaryOf(p, registry.fora.get(p.forumId)?.name ?? p.forumId, counts.get(p.id) ?? 0));
}

/**
 * A proposal with every registry state's derived stance (the evidence statements with it), the groups' and
 * organisations' stances, the tally, and the history of its status. `expandGroups`: fill silent member States from
 * their groups' statements, labelled as such (see stance-derivation.ts).
 */
export async function loadProposalDetail(
  db: Kysely<StoreSchema>,
  id: number,
  speakerGroups: ReadonlyMap<string, SpeakerGroup>,
  options: { readonly expandGroups: boolean },
): Promise<ProposalDetail> {
  const proposal = await findProposal(db, id);
  if (proposal === null) throw new NotFoundError("proposal", `no proposal ${id}`);
  const [registry, evidence, statusHistory] = await Promise.all([loadForaRegistry(db), listProposalStanceEvidence(db, id), loadProposalStatusHistory(db, id)]);
  const directory = speakerDirectory(registry, speakerGroups);
  const stances = deriveProposalStances({
    states: [...registry.states.values()].map((s) => ({ iso3: s.iso3, name: s.name })),
    groups: directory.groups,
    organisationNames: new Map([...registry.organisations.values()].map((o) => [o.code, o.name])),
    evidence,
    expandGroups: options.expandGroups,
  });
  return { ...summaryOf(proposal, registry.fora.get(proposal.forumId)?.name ?? proposal.forumId, evidence.length), stances, statusHistory };
}
