import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { NotFoundError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { findProposal, updateProposal } from "../store/proposal.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import type { Proposal } from "./proposal.ts";
import { checkedProposalValues } from "./proposal.service.ts";
import type { ProposalInput } from "./proposal.service.ts";

/**
 * Changes to a proposal as its life moves on: its status (under negotiation → adopted, withdrawn …), the symbol of a
 * revised draft, its title and description, checked as a new one is. Proposals are all entered by users (none is
 * seeded from data/fora), so none is refused as curated. Stances stay with the proposal.
 */

/** The fields to change; absent ones keep their value, `null` clears the document symbol. */
export type ProposalPatch = { readonly [K in keyof ProposalInput]?: ProposalInput[K] | undefined };

const SAME_FIELDS = ["forumId", "title", "kind", "documentSymbol", "descriptionMarkdown", "status"] as const;

/** Changes the given fields (audited `proposal.update` with before and after); a change that changes nothing writes nothing. */
export async function updateProposalFields(db: Kysely<StoreSchema>, id: number, patch: ProposalPatch, actor: AuditActor, now: Date): Promise<Proposal> {
  const before = await findProposal(db, id);
  if (before === null) throw new NotFoundError("proposal", `no proposal ${id}`);
  const merged: ProposalInput = {
    forumId: patch.forumId ?? before.forumId,
    title: patch.title ?? before.title,
    kind: patch.kind ?? before.kind,
    documentSymbol: patch.documentSymbol === undefined ? before.documentSymbol : patch.documentSymbol,
    descriptionMarkdown: patch.descriptionMarkdown ?? before.descriptionMarkdown,
    status: patch.status ?? before.status,
  };
  const values = await checkedProposalValues(db, merged);
  if (SAME_FIELDS.every((field) => values[field] === before[field])) return before;
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const after = await updateProposal(trx, id, values, atIso);
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "proposal.update", entityType: "proposal", entityId: String(id), before, after, atIso });
    return after;
  });
}
