/**
 * The workspace's roles (issue 7). Deny by default: a route or object allows only the roles it names.
 * - admin: users and the audit log, and everything an analyst may do;
 * - analyst: sessions, statements, positions and consultations (reads and writes);
 * - stakeholder: only the consultations it was invited to, their published drafts and its own comments;
 * - viewer: reads the workspace, writes nothing.
 */
export const ROLES = ["admin", "analyst", "stakeholder", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
