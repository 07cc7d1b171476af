import { useState } from "react";
import { api } from "../../api/api-client.ts";
import type { Schemas } from "../../api/api-client.ts";
import { roleName } from "../../auth/require-role.tsx";
import type { Role } from "../../auth/session-context.tsx";
import { submitted } from "./form-submission.ts";
import { ROLE_CHOICES } from "./user-create-form.tsx";

type User = Schemas["User"];

/** What the last action on the users page did, for its one status area: a confirmation, a refusal, a new user or setup link. */
export type RowOutcome =
  | { readonly kind: "done"; readonly message: string }
  | { readonly kind: "created"; readonly user: User; readonly link: string | null; readonly expiresAt: string | null }
  | { readonly kind: "refused"; readonly message: string }
  | { readonly kind: "setup-link"; readonly user: User; readonly link: string; readonly expiresAt: string };

/** A user row's controls: change the role, disable or enable, issue a setup link. `self` protects the signed-in admin. */
export function UserRowActions({ user, self, onOutcome }: { readonly user: User; readonly self: boolean; readonly onOutcome: (outcome: RowOutcome) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [sending, setSending] = useState(false);

  const patch = async (body: { role?: Role; disabled?: boolean }, done: string) => {
    setSending(true);
    const result = await submitted(api.PATCH("/api/users/{id}", { params: { path: { id: user.id } }, body }));
    setSending(false);
    if (result.ok) onOutcome({ kind: "done", message: done });
    else onOutcome({ kind: "refused", message: result.error.status === 409 ? `${result.error.message}: make another user an administrator first.` : `${user.email}: ${result.error.message}. ${result.error.advice}` });
  };
  const issueLink = async () => {
    setSending(true);
    const result = await submitted(api.POST("/api/users/{id}/setup-link", { params: { path: { id: user.id } } }));
    setSending(false);
    if (result.ok) onOutcome({ kind: "setup-link", user, link: result.data.setupLink, expiresAt: result.data.setupLinkExpiresAt });
    else onOutcome({ kind: "refused", message: `${user.email}: ${result.error.message}. ${result.error.advice}` });
  };

  const roleId = `role-of-${user.id}`;
  return (
    <div className="row-actions">
      <label className="visually-hidden" htmlFor={roleId}>
        Role of {user.email}
      </label>
      <select id={roleId} value={role} disabled={sending} onChange={(event) => setRole(event.target.value as Role)}>
        {ROLE_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {roleName(choice)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button-secondary"
        disabled={sending || role === user.role}
        aria-label={`Change the role of ${user.email}`}
        onClick={() => void patch({ role }, `${user.displayName} is now ${roleName(role)} (was ${roleName(user.role)}); their open sessions keep working with the new role.`)}
      >
        Set role
      </button>
      {user.disabled ? (
        <button type="button" className="button-secondary" disabled={sending} aria-label={`Enable ${user.email}`} onClick={() => void patch({ disabled: false }, `${user.displayName} is enabled again and can sign in.`)}>
          Enable
        </button>
      ) : (
        <button
          type="button"
          className="button-secondary"
          disabled={sending || self}
          title={self ? "You cannot disable yourself" : undefined}
          aria-label={`Disable ${user.email}`}
          onClick={() => void patch({ disabled: true }, `${user.displayName} is disabled: their sessions have ended and they cannot sign in.`)}
        >
          Disable
        </button>
      )}
      <button type="button" className="button-secondary" disabled={sending || user.disabled} aria-label={`Issue a setup link for ${user.email}`} onClick={() => void issueLink()}>
        Setup link
      </button>
    </div>
  );
}
