import type { Kysely } from "kysely";
import type { AuditActor } from "../../src/accounts/audit-actor.ts";
import type { Role } from "../../src/accounts/role.ts";
import type { ConsultationReader } from "../../src/consultations/consultation-reader.ts";
import type { InvitationMailing } from "../../src/consultations/invitation.service.ts";
import { smtpMailSender } from "../../src/sources/smtp-mail-sender.ts";
import type { StoreSchema } from "../../src/store/schema.ts";
import { createTestUser } from "../support/workspace-users.ts";

/** A workspace user as the consultation tests use it: who it reads as, who it writes as, how it signs in. */
export interface TestMember {
  readonly id: number;
  readonly email: string;
  readonly password: string;
  readonly reader: ConsultationReader;
  readonly actor: AuditActor;
}

export async function createMember(db: Kysely<StoreSchema>, role: Role, email?: string, displayName?: string): Promise<TestMember> {
  const user = await createTestUser(db, { role, ...(email === undefined ? {} : { email }), ...(displayName === undefined ? {} : { displayName }) });
  return { ...user, reader: { userId: user.id, role }, actor: { userId: user.id, label: user.email } };
}

/** Invitations sent through a real SMTP server at this URL (null: none configured). */
export function mailingThrough(smtpUrl: string | null, publicBaseUrl = "https://concord.example.org"): InvitationMailing {
  return { sender: smtpMailSender({ smtpUrl, mailFrom: "Concord <concord@example.org>" }), publicBaseUrl };
}

export const DRAFT = [
  "# Guidelines on commercial rendezvous and proximity operations",
  "",
  "## 1. Scope",
  "",
  "These practices apply to operators of rendezvous and proximity operations.",
  "",
  "## 2. Notification",
  "",
  "Operators notify the registry **30 days** before an operation.",
  "",
  "Operators share ephemerides with potentially affected operators.",
].join("\n");
