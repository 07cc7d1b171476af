import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../../api/api-client.ts";
import type { ApiError } from "../../api/api-error.ts";
import { roleName } from "../../auth/require-role.tsx";
import type { Role } from "../../auth/session-context.tsx";
import { FormField, fieldAria, fieldError } from "./form-field.tsx";
import { submitted } from "./form-submission.ts";
import type { RowOutcome } from "./user-row-actions.tsx";

export const ROLE_CHOICES: readonly Role[] = ["viewer", "analyst", "stakeholder", "admin"];
/** The stakeholder sectors the consultations use (src/consultations/consultation-vocabulary.ts); free text is allowed. */
export const SECTOR_SUGGESTIONS = ["commercial", "academic", "non-profit", "government"] as const;

const ROLE_HINTS: Readonly<Record<Role, string>> = {
  viewer: "reads sessions, statements, tallies and positions; writes nothing",
  analyst: "reads and writes sessions, statements, proposals, positions and consultations",
  stakeholder: "only the consultations it is invited to",
  admin: "everything, including users and the audit log",
};

export function roleHint(role: Role): string {
  return ROLE_HINTS[role];
}

/** Creates a user with a role; without a password the API returns a single-use setup link to pass on (`onCreated` shows it). */
export function UserCreateForm({ onCreated }: { readonly onCreated: (created: RowOutcome) => void }) {
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [organisation, setOrganisation] = useState("");
  const [sector, setSector] = useState("");
  const [password, setPassword] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // A new generation after each user added: fresh inputs, so the emptied required fields are not styled as invalid.
  const [generation, setGeneration] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    const body = {
      email,
      displayName,
      role,
      organisation: organisation.trim() === "" ? null : organisation.trim(),
      sector: sector.trim() === "" ? null : sector.trim(),
      ...(password === "" ? {} : { password }),
    };
    const result = await submitted(api.POST("/api/users", { body }));
    setSending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setEmail("");
    setDisplayName("");
    setOrganisation("");
    setSector("");
    setPassword("");
    setGeneration((n) => n + 1);
    onCreated({ kind: "created", user: result.data.user, link: result.data.setupLink, expiresAt: result.data.setupLinkExpiresAt });
  };

  const emailError = fieldError(error, "email");
  const nameError = fieldError(error, "displayName");
  const roleError = fieldError(error, "role");
  const organisationError = fieldError(error, "organisation");
  const sectorError = fieldError(error, "sector");
  const passwordError = fieldError(error, "password");
  const otherError = error !== null && [emailError, nameError, roleError, organisationError, sectorError, passwordError].every((e) => e === null) ? error : null;
  return (
    <form className="admin-form" aria-labelledby="create-user-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="create-user-heading">Add a user</h2>
      <div className="admin-form-grid" key={generation}>
        <FormField id="new-user-email" label="E-mail" error={emailError}>
          <input id="new-user-email" type="email" autoComplete="off" required value={email} onChange={(event) => setEmail(event.target.value)} {...fieldAria("new-user-email", emailError, false)} />
        </FormField>
        <FormField id="new-user-name" label="Name" error={nameError}>
          <input id="new-user-name" autoComplete="off" required value={displayName} onChange={(event) => setDisplayName(event.target.value)} {...fieldAria("new-user-name", nameError, false)} />
        </FormField>
        <FormField id="new-user-role" label="Role" hint={roleHint(role)} error={roleError}>
          <select id="new-user-role" value={role} onChange={(event) => setRole(event.target.value as Role)} {...fieldAria("new-user-role", roleError, true)}>
            {ROLE_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {roleName(choice)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="new-user-organisation" label="Organisation (optional)" error={organisationError}>
          <input id="new-user-organisation" autoComplete="off" value={organisation} onChange={(event) => setOrganisation(event.target.value)} {...fieldAria("new-user-organisation", organisationError, false)} />
        </FormField>
        <FormField id="new-user-sector" label="Sector (optional)" hint="For stakeholders: commercial, academic, non-profit, government…" error={sectorError}>
          <input id="new-user-sector" list="sector-suggestions" autoComplete="off" value={sector} onChange={(event) => setSector(event.target.value)} {...fieldAria("new-user-sector", sectorError, true)} />
        </FormField>
        <datalist id="sector-suggestions">
          {SECTOR_SUGGESTIONS.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
        <FormField id="new-user-password" label="Initial password (optional)" hint="12+ characters. Leave it empty for a single-use setup link (better: you never know their password)." error={passwordError}>
          <input id="new-user-password" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} {...fieldAria("new-user-password", passwordError, true)} />
        </FormField>
      </div>
      {otherError === null ? null : (
        <p className="form-refusal" role="alert">
          {otherError.status === 409 ? `${otherError.message}. Use another e-mail, or find the existing user in the list below.` : `${otherError.message} ${otherError.advice}`}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={sending || email.trim() === "" || displayName.trim() === ""}>
          {sending ? "Adding…" : "Add the user"}
        </button>
      </div>
    </form>
  );
}
