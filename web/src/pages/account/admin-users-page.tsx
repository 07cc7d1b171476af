import { useState } from "react";
import { useSearchParams } from "react-router";
import { api } from "../../api/api-client.ts";
import type { Schemas } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { RequireRole, roleName } from "../../auth/require-role.tsx";
import { useSession } from "../../auth/session-context.tsx";
import type { Role } from "../../auth/session-context.tsx";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState, ErrorState, Loading } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { formatDay } from "../../format/figures.ts";
import { SetupLinkBox } from "./setup-link-box.tsx";
import { useApiRead } from "./use-api-read.ts";
import { ROLE_CHOICES, UserCreateForm } from "./user-create-form.tsx";
import { UserRowActions } from "./user-row-actions.tsx";
import type { RowOutcome } from "./user-row-actions.tsx";
import "./account-pages.css";

type User = Schemas["User"];

function userColumns(selfId: number | null, onOutcome: (outcome: RowOutcome) => void): TableColumn<User>[] {
  return [
    { header: "Name", value: (u) => u.displayName, cell: (u) => <span className={u.disabled ? "user-disabled" : undefined}>{u.displayName}{u.id === selfId ? " (you)" : ""}</span> },
    { header: "E-mail", value: (u) => u.email },
    { header: "Role", value: (u) => u.role, cell: (u) => roleName(u.role) },
    { header: "Status", value: (u) => (u.disabled ? "disabled" : "enabled"), cell: (u) => (u.disabled ? <strong>disabled</strong> : "enabled") },
    { header: "Password set", value: (u) => (u.hasPassword ? "yes" : "no"), description: "No: the user still has to use a setup link (or signs in with OpenID Connect)" },
    {
      header: "Organisation · sector",
      value: () => null,
      screenOnly: true,
      wrap: true,
      cell: (u) => (u.organisation === null && u.sector === null ? "—" : [u.organisation, u.sector].filter((part) => part !== null).join(" · ")),
    },
    { header: "Organisation", value: (u) => u.organisation, csvOnly: true },
    { header: "Sector", value: (u) => u.sector, csvOnly: true },
    { header: "Created", value: (u) => u.createdAt, cell: (u) => formatDay(u.createdAt), description: "UTC day; the CSV has the instant" },
    { header: "Updated (UTC)", value: (u) => u.updatedAt, csvOnly: true },
    { header: "Id", value: (u) => u.id, csvOnly: true },
    { header: "Actions", value: () => null, screenOnly: true, wrap: true, cell: (u) => <UserRowActions key={`${u.id}:${u.role}:${u.disabled}`} user={u} self={u.id === selfId} onOutcome={onOutcome} /> },
  ];
}

/** The one status area of the page: what the last action did (a new user and its setup link, a change, a refusal). */
function OutcomeNote({ outcome }: { readonly outcome: RowOutcome | null }) {
  return (
    <div className="row-outcome" aria-live="polite">
      {outcome === null ? null : outcome.kind === "created" ? (
        <div className="form-confirmation" role="status" data-state="user-created">
          <p>
            Added {outcome.user.displayName} ({outcome.user.email}) as {roleName(outcome.user.role)}.
            {outcome.link === null ? " They can sign in with the password you set." : " Pass this single-use link on to them; it lets them set their password:"}
          </p>
          {outcome.link === null ? null : <SetupLinkBox link={outcome.link} expiresAt={outcome.expiresAt} />}
        </div>
      ) : outcome.kind === "setup-link" ? (
        <div className="form-confirmation" role="status" data-state="setup-link-issued">
          <p>New single-use setup link for {outcome.user.displayName} ({outcome.user.email}); earlier unused links stop working. Pass it on:</p>
          <SetupLinkBox link={outcome.link} expiresAt={outcome.expiresAt} />
        </div>
      ) : (
        <p className={outcome.kind === "done" ? "form-confirmation" : "form-refusal"} role={outcome.kind === "done" ? "status" : "alert"}>
          {outcome.message}
        </p>
      )}
    </div>
  );
}

function Users() {
  const { user: self } = useSession();
  const { get, update } = useUrlFilters();
  const [params] = useSearchParams();
  const role = get("role");
  const status = get("status");
  const [outcome, setOutcome] = useState<RowOutcome | null>(null);
  const query = { ...(ROLE_CHOICES.includes(role as Role) ? { role: role as Role } : {}), ...(status === "disabled" ? { disabled: "true" as const } : status === "enabled" ? { disabled: "false" as const } : {}) };
  const users = useApiRead(`users?${params.toString()}`, () => unwrap(api.GET("/api/users", { params: { query } })));
  const onOutcome = (next: RowOutcome) => {
    setOutcome(next);
    if (next.kind === "done") users.reload();
  };
  const filtered = role !== "" || status !== "";
  return (
    <>
      {params.get("welcome") === "1" ? <p className="form-confirmation" role="status">Your administrator account is ready and you are signed in. Add the team's users below.</p> : null}
      <UserCreateForm
        onCreated={(created) => {
          setOutcome(created);
          users.reload();
        }}
      />
      <OutcomeNote outcome={outcome} />
      <h2>All accounts</h2>
      <div className="filters" role="search" aria-label="Filter the users">
        <label className="field">
          Role
          <select value={role} onChange={(event) => update({ role: event.target.value })}>
            <option value="">any role</option>
            {ROLE_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {roleName(choice)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Status
          <select value={status} onChange={(event) => update({ status: event.target.value })}>
            <option value="">enabled and disabled</option>
            <option value="enabled">enabled only</option>
            <option value="disabled">disabled only</option>
          </select>
        </label>
      </div>
      {users.data === null ? (
        users.error === null ? (
          <Loading what="the users" minHeight={240} />
        ) : (
          <ErrorState what="the users" error={users.error} onRetry={users.reload} />
        )
      ) : (
        <>
          {users.error === null ? null : <ErrorState what="the users" error={users.error} onRetry={users.reload} />}
          <DataTable
            caption={`${filtered ? "Matching users" : "Every user"} (${users.data.items.length}), by e-mail`}
            columns={userColumns(self?.id ?? null, onOutcome)}
            rows={users.data.items}
            rowKey={(u) => u.id}
            csvName="concord-users"
            rowClassName={(u) => (u.disabled ? "row-disabled" : undefined)}
            empty={
              <EmptyState title={filtered ? "No user matches these filters." : "No users yet."} minHeight={120}>
                {filtered ? <p>Clear the filters to see every user.</p> : <p>Add one with the form above.</p>}
              </EmptyState>
            }
            footer={<SourceNote>this workspace's accounts (GET /api/users), as read when this page loaded or last changed a user; every change is in the audit log. Passwords are never shown or exported.</SourceNote>}
          />
        </>
      )}
    </>
  );
}

/** /admin/users: the accounts of the workspace; add, change role, disable or enable, issue setup links (admins only). */
export default function AdminUsersPage() {
  return (
    <section className="page account-page">
      <PageHeader title="Users" lead={<p>Who may use this workspace and with which role. Deny by default: a role sees only what it needs.</p>} />
      <RequireRole roles={["admin"]} what="the users page">
        <Users />
      </RequireRole>
    </section>
  );
}
