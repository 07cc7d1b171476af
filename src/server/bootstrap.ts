import type { ConcordContext } from "../app/concord-context.ts";
import { ingestPayloads } from "../catalog/catalog-ingest.service.ts";
import type { IngestProgress } from "../catalog/catalog-ingest.service.ts";
import { SourceFetchError } from "../core/concord-error.ts";
import { fetchCelestrakGroup, fetchCelestrakSatcat } from "../sources/celestrak.ts";
import type { SourcePayload } from "../sources/source-payload.ts";
import { openDatabase } from "../store/database.ts";
import { countAllObjects } from "../store/space-object.repository.ts";
import type { BootstrapStatus } from "./bootstrap-status.ts";

/** A started (or skipped) bootstrap: its live status and a promise of its final one. */
export interface BootstrapHandle {
  status(): BootstrapStatus;
  readonly done: Promise<BootstrapStatus>;
}

export interface BootstrapOptions {
  /** Log lines (default: stderr). */
  readonly log?: (line: string) => void;
  readonly now?: () => Date;
  /** The CelesTrak GP group to ingest (default `active`). */
  readonly group?: string;
}

export const LOCAL_INGEST_HINT =
  "To fill the store from local files instead, run: npx concord ingest path/to/satcat.json.gz path/to/elements.txt " +
  "(a SATCAT as Space-Track JSON or CelesTrak CSV, element sets as TLE or OMM; gzip is fine).";

/**
 * On a first start with an empty store, fetches CelesTrak's public SATCAT and the `active` GP group (from
 * `context.config.celestrakBaseUrl`, through the HTTP cache) and ingests them in the background, logging progress.
 * Never throws and never stops the server: a failure (no network, CelesTrak refusing, a bad file) ends in state
 * `failed` with a message that says how to ingest local files. Writes through its own store connection, so the
 * server's reads are not held up by the ingest transaction. Skipped (state `idle`) when the store holds objects or
 * `config.bootstrapOnEmpty` is false.
 */
export async function startBootstrapIfEmpty(context: ConcordContext, options: BootstrapOptions = {}): Promise<BootstrapHandle> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  let current: BootstrapStatus = { state: "idle", message: "", progress: null, startedAt: null, finishedAt: null };
  const handle = (done: Promise<BootstrapStatus>): BootstrapHandle => ({ status: () => current, done });

  if (!context.config.bootstrapOnEmpty) {
    current = { ...current, message: "bootstrap disabled (--no-bootstrap or CONCORD_BOOTSTRAP=0)" };
    return handle(Promise.resolve(current));
  }
  const objects = await countAllObjects(context.database.db);
  if (objects > 0) {
    current = { ...current, message: `not needed: the store holds ${objects.toLocaleString("en-US")} objects` };
    return handle(Promise.resolve(current));
  }

  const startedAt = now().toISOString();
  const update = (message: string, progress: BootstrapStatus["progress"] = null) => {
    current = { state: "running", message, progress, startedAt, finishedAt: null };
    log(`bootstrap: ${message}`);
  };
  const finish = (state: "done" | "failed", message: string) => {
    current = { state, message, progress: current.progress, startedAt, finishedAt: now().toISOString() };
    log(`bootstrap: ${message}`);
    return current;
  };

  const run = async (): Promise<BootstrapStatus> => {
    const celestrak = { baseUrl: context.config.celestrakBaseUrl, cacheDir: context.cacheDir, ...(options.now ? { now: options.now } : {}) };
    const group = options.group ?? "active";
    const payloads: SourcePayload[] = [];
    try {
      update(`the store is empty; fetching CelesTrak SATCAT… (${context.config.celestrakBaseUrl})`);
      payloads.push(await fetchCelestrakSatcat(celestrak));
      update(`fetching CelesTrak ${group} GP…`);
      payloads.push(await fetchCelestrakGroup(group, "csv", celestrak));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const what = error instanceof SourceFetchError ? "could not fetch from CelesTrak" : "could not read CelesTrak's data";
      return finish("failed", `${what} (${why}). The server keeps serving. ${LOCAL_INGEST_HINT}`);
    }
    try {
      const writer = await openDatabase({ dataDir: context.config.dataDir, databaseUrl: context.config.databaseUrl });
      try {
        const onProgress = (p: IngestProgress) => {
          if (p.phase === "write") update(`writing ${p.done}/${p.total} from ${p.source}`, { ...p });
        };
        // CelesTrak's `active` group is the active set (the practical evidence of which payloads operate).
        const isActiveSet = (payload: SourcePayload) => group.toLowerCase() === "active" && payload === payloads[1];
        const reports = await ingestPayloads(writer.db, context.actors, payloads, { strict: false, onProgress, isActiveSet });
        const summary = reports
          .map((r) => `${r.source}: ${r.accepted.toLocaleString("en-US")} accepted, ${r.rejected} rejected, as of ${r.dataAsOf ?? "?"}`)
          .join("; ");
        return finish("done", `ingested CelesTrak SATCAT and ${group} GP (${summary})`);
      } finally {
        await writer.close();
      }
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return finish("failed", `ingest of CelesTrak's data failed, nothing was stored (${why}). The server keeps serving. ${LOCAL_INGEST_HINT}`);
    }
  };
  current = { state: "running", message: "starting", progress: null, startedAt, finishedAt: null };
  return handle(run());
}
