/** Who a write is recorded against in the audit log: a user, or the system / CLI (userId null). */
export interface AuditActor {
  readonly userId: number | null;
  /** Readable: the user's e-mail, `cli:<os user>`, or `system`. */
  readonly label: string;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, label: "system" };
