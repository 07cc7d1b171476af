import { Link } from "react-router";
import type { ApiError } from "../../api/api-error.ts";
import { roleName, SignInPrompt } from "../../auth/require-role.tsx";
import { useSession } from "../../auth/session-context.tsx";
import { EmptyState } from "../../components/status-states.tsx";

/**
 * What a consultation page shows when the API refuses a read: 401 → sign in (and come back here); 403 → the role may
 * not; 404 → not found, which is also what a stakeholder gets for a consultation it was not invited to (the API does
 * not tell the two apart, and neither does this page).
 */
export function RefusedState({ error, what }: { readonly error: ApiError; readonly what: string }) {
  const { user } = useSession();
  if (error.status === 401) return <SignInPrompt what={what} />;
  if (error.status === 403) {
    return (
      <EmptyState title={`Your role (${user === null ? "signed out" : roleName(user.role)}) may not see ${what}.`}>
        <p>{error.message}</p>
        <p>
          Ask an administrator if you need access, or go back to the <Link to="/consultations">consultations</Link>.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="state state-empty" role="status" data-state="not-found">
      <p className="state-title">No such consultation here.</p>
      <p>
        Either it does not exist or it is not open to you{user?.role === "stakeholder" ? ": you see only the consultations you were invited to" : ""}. Check the
        link, or go to <Link to="/consultations">your consultations</Link>.
      </p>
    </div>
  );
}
