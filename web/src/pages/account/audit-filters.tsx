import { useState } from "react";
import type { FormEvent } from "react";
import type { Schemas } from "../../api/api-client.ts";
import type { useUrlFilters } from "../../components/url-filters.ts";

/** The entity types the services write (src/**: appendAuditEntry calls); free text is allowed too. */
const ENTITY_TYPES = [
  "user",
  "workspace",
  "oidc_identity",
  "forum_session",
  "agenda_item",
  "session_document",
  "statement",
  "statement_stance",
  "proposal",
  "position",
  "consultation",
  "consultation_invitation",
  "consultation_comment",
] as const;

/** The URL parameters of the audit page's filters. */
export const AUDIT_FILTER_PARAMS = ["entityType", "entityId", "actor", "action", "since", "until"] as const;

type UrlFilters = ReturnType<typeof useUrlFilters>;

/**
 * The audit log's filters, in the URL: entity type and id, actor, action (exact or a prefix ending in a dot), and a
 * UTC date range (both days included). Text fields apply on submit (Enter), selects and dates at once.
 */
export function AuditFilters({ filters, users }: { readonly filters: UrlFilters; readonly users: readonly Schemas["User"][] }) {
  const { get, update } = filters;
  const [entityId, setEntityId] = useState(get("entityId"));
  const [action, setAction] = useState(get("action"));
  const [entityType, setEntityType] = useState(get("entityType"));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    update({ entityType, entityId, action, before: undefined, after: undefined });
  };
  const clear = () => {
    setEntityId("");
    setAction("");
    setEntityType("");
    update(Object.fromEntries([...AUDIT_FILTER_PARAMS, "before", "after"].map((name) => [name, undefined])));
  };
  return (
    <form className="filters audit-filters" role="search" aria-label="Filter the audit log" onSubmit={apply}>
      <label className="field">
        Entity type
        <input list="audit-entity-types" value={entityType} onChange={(event) => setEntityType(event.target.value)} placeholder="any (e.g. user)" />
      </label>
      <datalist id="audit-entity-types">
        {ENTITY_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <label className="field field-narrow">
        Entity id
        <input value={entityId} onChange={(event) => setEntityId(event.target.value)} placeholder="any" />
      </label>
      <label className="field">
        Action
        <input value={action} onChange={(event) => setAction(event.target.value)} placeholder="user.create or user." title="An exact action, or a prefix ending in a dot" />
      </label>
      <label className="field field-actor">
        Actor
        <select value={get("actor")} onChange={(event) => update({ actor: event.target.value, before: undefined, after: undefined })}>
          <option value="">anyone</option>
          {users.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.displayName} ({user.email})
            </option>
          ))}
        </select>
      </label>
      <label className="field field-date">
        From (UTC day)
        <input type="date" value={get("since")} onChange={(event) => update({ since: event.target.value, before: undefined, after: undefined })} />
      </label>
      <label className="field field-date">
        To (UTC day, included)
        <input type="date" value={get("until")} onChange={(event) => update({ until: event.target.value, before: undefined, after: undefined })} />
      </label>
      <div className="field-actions">
        <button type="submit">Apply</button>
        <button type="button" className="button-secondary" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The API query of the URL's filters (the date range as ISO instants: from the first day's start to the day after the last). */
export function auditQueryOf(get: (name: string) => string): { entityType?: string; entityId?: string; actorUserId?: number; action?: string; since?: string; until?: string } {
  const actor = Number(get("actor"));
  const since = get("since");
  const until = get("until");
  const untilExclusive = DAY.test(until) ? new Date(Date.parse(`${until}T00:00:00Z`) + 86_400_000).toISOString() : undefined;
  return {
    ...(get("entityType") === "" ? {} : { entityType: get("entityType") }),
    ...(get("entityId") === "" ? {} : { entityId: get("entityId") }),
    ...(Number.isInteger(actor) && actor > 0 ? { actorUserId: actor } : {}),
    ...(get("action") === "" ? {} : { action: get("action") }),
    ...(DAY.test(since) ? { since: `${since}T00:00:00Z` } : {}),
    ...(untilExclusive === undefined ? {} : { until: untilExclusive }),
  };
}
