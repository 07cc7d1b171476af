import { use } from "react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { present } from "../../api/api-client.ts";
import type { IngestRef } from "../../api/api-client.ts";
import { loadSources } from "../../api/catalog-queries.ts";
import { loadRuns } from "../../api/screening-queries.ts";
import { ageDays, baseName, formatCount, formatDay, formatUtc, PAGE_LOADED_MS } from "../../format/figures.ts";

const STALE_AFTER_DAYS = 14;

function Card({ title, children, warning }: { readonly title: string; readonly children: ReactNode; readonly warning?: string | null }) {
  return (
    <div className={`card ${warning ? "card-warning" : ""}`}>
      <h3 className="card-title">{title}</h3>
      {children}
      {warning ? (
        <p className="warning">
          <span aria-hidden="true">⚠ </span>
          {warning}
        </p>
      ) : null}
    </div>
  );
}

function age(iso: string | null): string {
  const days = ageDays(iso, PAGE_LOADED_MS);
  if (days === null) return "";
  return days <= 0 ? "today" : `${formatCount(days)} day${days === 1 ? "" : "s"} ago`;
}

function IngestLine({ ingest }: { readonly ingest: IngestRef }) {
  return (
    <p className="card-meta">
      <Link to={`/sources/${ingest.ingestId}`} title={ingest.source}>
        {baseName(ingest.source)}
      </Link>
      , retrieved {formatUtc(ingest.retrievedAt)}
    </p>
  );
}

/** When each kind of data was last refreshed and what date it describes; stale element sets are flagged. */
export function FreshnessPanel() {
  const sources = use(loadSources());
  const ingests = sources.items.filter(present);
  const runs = use(loadRuns());
  const { satcat, elementSets } = sources.asOf;
  const latestRun = runs.items[0];
  const epochAge = ageDays(elementSets?.epochMedian ?? null, PAGE_LOADED_MS);
  const rejected = ingests.reduce((sum, ingest) => sum + ingest.rejected, 0);
  return (
    <div className="cards">
      <Card title="Catalog (SATCAT)">
        {satcat === null ? (
          <p>No SATCAT ingested: run <code>npx concord ingest &lt;satcat file&gt;</code> or start the server online.</p>
        ) : (
          <>
            <p className="card-figure">
              as of {formatDay(satcat.dataAsOf)} <span className="muted">({age(satcat.dataAsOf)})</span>
            </p>
            <IngestLine ingest={satcat} />
          </>
        )}
      </Card>
      <Card
        title="Element sets (orbits)"
        warning={epochAge !== null && epochAge > STALE_AFTER_DAYS ? `Median epoch is ${formatCount(epochAge)} days old: positions and conjunctions describe that time, not today.` : null}
      >
        {elementSets === null ? (
          <p>No element sets ingested: run <code>npx concord ingest &lt;TLE/OMM file&gt;</code>.</p>
        ) : (
          <>
            <p className="card-figure">
              epoch {formatDay(elementSets.epochMedian)} <span className="muted">(median; {age(elementSets.epochMedian)})</span>
            </p>
            <p className="card-meta">
              epochs {formatDay(elementSets.epochMin)} to {formatDay(elementSets.epochMax)}
            </p>
            <IngestLine ingest={elementSets} />
          </>
        )}
      </Card>
      <Card title="Latest screening">
        {latestRun === undefined ? (
          <p>
            No screening run yet: run <code>npx concord screen --days 1</code> to screen the catalog.
          </p>
        ) : (
          <>
            <p className="card-figure">
              <Link to={`/conjunctions?run=${latestRun.id}`}>Run #{latestRun.id}</Link>: {formatCount(latestRun.eventsCount)} events
            </p>
            <p className="card-meta">
              window {formatUtc(latestRun.window.from)} + {formatCount(latestRun.window.days * 24)} h, threshold {latestRun.thresholdKm} km; finished {formatUtc(latestRun.finishedAt)}
            </p>
          </>
        )}
      </Card>
      <Card title="Ingests">
        <p className="card-figure">
          <Link to="/sources">{formatCount(ingests.length)} ingests</Link>
        </p>
        <p className="card-meta">
          {formatCount(rejected)} records rejected in all{ingests[0] === undefined ? "" : `; last ${formatUtc(ingests[0].retrievedAt)}`}
        </p>
      </Card>
    </div>
  );
}
