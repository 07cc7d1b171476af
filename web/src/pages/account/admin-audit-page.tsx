import { Link, useLocation } from "react-router";
import { api } from "../../api/api-client.ts";
import type { Schemas } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { RequireRole } from "../../auth/require-role.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState, ErrorState, Loading } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { formatUtc } from "../../format/figures.ts";
import { AuditDiff } from "./audit-diff.tsx";
import { AUDIT_FILTER_PARAMS, AuditFilters, auditQueryOf } from "./audit-filters.tsx";
import { useApiRead } from "./use-api-read.ts";
import "./account-pages.css";

type AuditEntry = Schemas["AuditEntry"];

export const AUDIT_PAGE_SIZE = 50;

function cursorParam(value: string): number | undefined {
  const number = Number(value);
  return value !== "" && Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** One page of entries as shown (newest first), whether there are more either side, and where it sits among the matches. */
interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly hasOlder: boolean;
  readonly hasNewer: boolean;
  /** Entries matching the filters, on every page together. */
  readonly total: number;
  /** Matching entries newer than this page's first (0 on the newest page). */
  readonly newerCount: number;
}

/**
 * One page of entries, newest first. `before=<id>`: the page after (older than) that entry; `after=<id>`: the page
 * before (newer than) it, read oldest first and turned round. A short `after` page means the newest: read it plainly.
 */
async function loadPage(query: ReturnType<typeof auditQueryOf>, before: number | undefined, after: number | undefined): Promise<AuditPage> {
  if (after !== undefined) {
    const newer = await unwrap(api.GET("/api/audit", { params: { query: { ...query, order: "asc", cursor: after, limit: AUDIT_PAGE_SIZE + 1 } } }));
    // Read oldest first past `after`: the entries newer than the page are those left after its AUDIT_PAGE_SIZE.
    const newerThanCursor = newer.total - newer.preceding;
    if (newer.items.length > AUDIT_PAGE_SIZE) return { items: newer.items.slice(0, AUDIT_PAGE_SIZE).reverse(), hasOlder: true, hasNewer: true, total: newer.total, newerCount: newerThanCursor - AUDIT_PAGE_SIZE };
  }
  const page = await unwrap(api.GET("/api/audit", { params: { query: { ...query, order: "desc", limit: AUDIT_PAGE_SIZE + 1, ...(after === undefined && before !== undefined ? { cursor: before } : {}) } } }));
  return { items: page.items.slice(0, AUDIT_PAGE_SIZE), hasOlder: page.items.length > AUDIT_PAGE_SIZE, hasNewer: after === undefined && before !== undefined, total: page.total, newerCount: page.preceding };
}

/** "1 entry" / "1,234 entries". */
function entriesCount(count: number): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? "entry" : "entries"}`;
}

function exportHref(query: ReturnType<typeof auditQueryOf>, format: "csv" | "json"): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) params.set(name, String(value));
  params.set("format", format);
  return `/api/audit/export?${params.toString()}`;
}

function EntryRow({ entry }: { readonly entry: AuditEntry }) {
  return (
    <tr data-action={entry.action}>
      <td className="num">{entry.id}</td>
      <td>{formatUtc(entry.at)}</td>
      <td className="wrap">
        {entry.actorLabel}
        {entry.actorUserId === null ? <span className="cell-sub">system or link</span> : <span className="cell-sub">user #{entry.actorUserId}</span>}
      </td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        {entry.entityType} <span className="cell-sub">#{entry.entityId}</span>
      </td>
      <td className="wrap audit-changes">
        <AuditDiff before={entry.before} after={entry.after} />
      </td>
    </tr>
  );
}

function Audit() {
  const filters = useUrlFilters();
  const { get, params } = filters;
  const location = useLocation();
  const query = auditQueryOf(get);
  const before = cursorParam(get("before"));
  const after = cursorParam(get("after"));
  const entries = useApiRead(`audit?${params.toString()}`, () => loadPage(query, before, after));
  const users = useApiRead("audit-actors", () => unwrap(api.GET("/api/users", { params: { query: {} } })));
  const filtered = AUDIT_FILTER_PARAMS.some((name) => get(name) !== "");
  const pageLink = (patch: Readonly<Record<string, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(patch)) {
      if (value === undefined) next.delete(name);
      else next.set(name, value);
    }
    const search = next.toString();
    return `${location.pathname}${search === "" ? "" : `?${search}`}`;
  };
  const page = entries.data;
  const first = page?.items[0];
  const last = page?.items[page.items.length - 1];
  return (
    <>
      <AuditFilters key={params.toString()} filters={filters} users={users.data?.items ?? []} />
      <div className="table-toolbar">
        <div className="table-caption">
          {filtered ? "Matching entries" : "Every entry"}, newest first
          {page === null ? null : (
            <span className="muted" data-field="audit-total">
              {" "}
              · {entriesCount(page.total)}
            </span>
          )}
        </div>
        <div className="table-actions no-print">
          <span className="muted">Export every matching entry, oldest first:</span>
          <a className="button-like button-secondary" href={exportHref(query, "csv")} download data-export="csv">
            Export CSV
          </a>
          <a className="button-like button-secondary" href={exportHref(query, "json")} download data-export="json">
            Export JSON
          </a>
        </div>
      </div>
      {page === null ? (
        entries.error === null ? (
          <Loading what="the audit log" minHeight={400} />
        ) : (
          <ErrorState what="the audit log" error={entries.error} onRetry={entries.reload} />
        )
      ) : page.items.length === 0 ? (
        <EmptyState title={filtered ? "No audit entry matches these filters." : "The audit log is empty."} minHeight={200}>
          {filtered ? <p>Widen the date range or clear the filters.</p> : <p>Every write (a user created, a session recorded, a position cleared…) adds an entry here.</p>}
        </EmptyState>
      ) : (
        <>
          {entries.error === null ? null : <ErrorState what="the audit log" error={entries.error} onRetry={entries.reload} />}
          <div className={`table-scroll${entries.loading ? " table-stale" : ""}`} role="region" aria-label="Audit entries" tabIndex={0} aria-busy={entries.loading}>
            <table className="audit-table">
              <caption className="visually-hidden">Audit entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Entity</th>
                  <th scope="col">Before → after</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager no-print" aria-label="Pages">
            <span data-field="audit-range">
              Showing {(page.newerCount + 1).toLocaleString("en-GB")}–{(page.newerCount + page.items.length).toLocaleString("en-GB")} of {entriesCount(page.total)} (#{first?.id ?? "—"} to #{last?.id ?? "—"})
            </span>
            {page.hasNewer && first !== undefined ? (
              <Link to={pageLink({ after: String(first.id), before: undefined })} rel="prev">
                ← Newer
              </Link>
            ) : (
              <span className="muted" aria-hidden="true">
                ← Newer
              </span>
            )}
            {page.hasNewer ? <Link to={pageLink({ after: undefined, before: undefined })}>Newest</Link> : null}
            {page.hasOlder && last !== undefined ? (
              <Link to={pageLink({ before: String(last.id), after: undefined })} rel="next">
                Older →
              </Link>
            ) : (
              <span className="muted" aria-hidden="true">
                Older →
              </span>
            )}
          </nav>
        </>
      )}
      <SourceNote>the workspace's append-only audit log (GET /api/audit): every write with who, when, and JSON snapshots before and after; secrets (passwords, hashes, tokens) are never stored in it.</SourceNote>
    </>
  );
}

/** /admin/audit: the append-only audit log, filtered, paged, each entry's before/after as a diff; CSV and JSON export (admins only). */
export default function AdminAuditPage() {
  return (
    <section className="page account-page">
      <PageHeader title="Audit log" lead={<p>Every write to the workspace, who made it and when, with the data before and after. Entries can be read and exported, never changed.</p>} />
      <RequireRole roles={["admin"]} what="the audit log">
        <Audit />
      </RequireRole>
    </section>
  );
}
