import { use } from "react";
import { Link, useMatches } from "react-router";
import { loadApiPaths, pathsUnder } from "../../api/api-paths.ts";
import type { PageHandle } from "../../app/app-router.tsx";
import { pageById } from "../../app/page-registry.ts";
import type { PageEntry } from "../../app/page-registry.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ApiRequestForm } from "./api-request-form.tsx";

function Availability({ page }: { readonly page: PageEntry & { pending: NonNullable<PageEntry["pending"]> } }) {
  const available = pathsUnder(use(loadApiPaths()), page.pending.apiPrefixes);
  if (available.length === 0) {
    return (
      <EmptyState title={`Coming with ${page.pending.analysis}.`} minHeight={200}>
        <p>
          The server does not offer that data yet (no {page.pending.apiPrefixes.map((prefix) => `${prefix}…`).join(" or ")} in its{" "}
          <a href="/openapi.json">API description</a>). Meanwhile, the <Link to="/objects">catalog</Link>, the <Link to="/conjunctions">conjunction screening</Link>{" "}
          and the <Link to="/sources">sources</Link> are available.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="The data for this page is available; the page itself is being built." minHeight={200}>
      <p>Until it is, the server answers these requests (JSON); fill in a value and open it:</p>
      <ul className="api-requests">
        {available.map((path) => (
          <li key={path}>
            <ApiRequestForm path={path} />
          </li>
        ))}
      </ul>
      <p>
        Their parameters are described at <a href="/api/docs">/api/docs</a>.
      </p>
    </EmptyState>
  );
}

/** The page of an analysis whose API or page is still to come (States, Instruments, Outreach, Debris & compliance). */
export default function PendingAnalysisPage() {
  const matches = useMatches();
  const pageId = matches.map((match) => (match.handle as PageHandle | undefined)?.pageId).findLast((id) => id !== undefined);
  const page = pageId === undefined ? undefined : pageById(pageId);
  if (page?.pending === undefined) return null;
  const pending = page as PageEntry & { pending: NonNullable<PageEntry["pending"]> };
  return (
    <section className="page">
      <PageHeader title={page.navLabel ?? page.id} lead={<p>{`This page will show ${pending.pending.willShow}.`}</p>} kicker={`Part of ${pending.pending.analysis}`} />
      <AsyncBoundary what="the list of available analyses" minHeight={200}>
        <Availability page={pending} />
      </AsyncBoundary>
    </section>
  );
}
