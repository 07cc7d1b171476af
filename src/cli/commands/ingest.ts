import { openConcordContext } from "../../app/concord-context.ts";
import { ingestPayloads } from "../../catalog/catalog-ingest.service.ts";
import type { IngestSourceReport } from "../../catalog/catalog-ingest.service.ts";
import { InvalidInputError } from "../../core/concord-error.ts";
import { describeRejection } from "../../core/rejection.ts";
import { printMassEstimateReports } from "../mass-estimate-ingest-report.ts";
import { printSpaceWeatherReports } from "../space-weather-ingest-report.ts";
import { assertMassEstimatesStrict, ingestMassEstimates, isMassEstimatePayload, massEstimatesAsOf } from "../../environment/mass-estimate-ingest.service.ts";
import { assertSpaceWeatherStrict, ingestSpaceWeather, isSpaceWeatherPayload } from "../../environment/space-weather-ingest.service.ts";
import { fetchCelestrakGroup, fetchCelestrakSatcat } from "../../sources/celestrak.ts";
import { readSource } from "../../sources/read-source.ts";
import type { SourcePayload } from "../../sources/source-payload.ts";
import { withSpaceTrackSession } from "../../sources/spacetrack.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs, parseDateFlag, parseIntegerFlag } from "../global-flags.ts";
import { createProgress } from "../progress.ts";

/**
 * `concord ingest <files|urls…> [--celestrak GROUP]… [--celestrak-satcat] [--spacetrack] [--active-set] [--as-of DATE] [--strict] [--json]`
 * `--active-set` marks the named element-set sources as active sets (CelesTrak's `active` group is one automatically).
 * `--as-of` dates NASA CARA's HBR and mass estimates files (default: the `yyyymmdd` in the file name).
 * Reads every source first, then writes all of them in one transaction.
 */
export async function runIngest(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "ingest",
    args,
    {
      celestrak: { type: "string", multiple: true },
      "celestrak-satcat": { type: "boolean" },
      spacetrack: { type: "boolean" },
      strict: { type: "boolean" },
      "active-set": { type: "boolean" },
      "as-of": { type: "string" },
      json: { type: "boolean" },
      "progress-lines": { type: "boolean" },
      "write-chunk-rows": { type: "string" },
    },
    true,
  );
  const groups = values.celestrak ?? [];
  if (positionals.length === 0 && groups.length === 0 && !values["celestrak-satcat"] && !values.spacetrack) {
    throw new InvalidInputError("ingest", "name at least one file or URL, or --celestrak GROUP, --celestrak-satcat or --spacetrack");
  }
  const config = configFromFlags(values, io.env);
  const context = await openConcordContext(config);
  const progress = values["progress-lines"] ? lineProgress(io) : createProgress(io.stderr);
  try {
    const payloads: SourcePayload[] = [];
    // `--active-set` marks the named files and URLs; CelesTrak's `active` group is always an active set.
    const activeSets = new Set<SourcePayload>();
    for (const spec of positionals) {
      progress.update(payloads.length, positionals.length, `reading ${spec}`);
      payloads.push(await readSource(spec, { cacheDir: context.cacheDir }));
      if (values["active-set"]) activeSets.add(payloads[payloads.length - 1]!);
    }
    const celestrak = { baseUrl: config.celestrakBaseUrl, cacheDir: context.cacheDir };
    if (values["celestrak-satcat"]) payloads.push(await fetchCelestrakSatcat(celestrak));
    for (const group of groups) {
      const payload = await fetchCelestrakGroup(group, "csv", celestrak);
      payloads.push(payload);
      if (group.toLowerCase() === "active") activeSets.add(payload);
    }
    if (values.spacetrack) {
      const options = {
        baseUrl: config.spacetrackBaseUrl,
        cacheDir: context.cacheDir,
        credentials: { identity: config.spacetrackIdentity ?? undefined, password: config.spacetrackPassword ?? undefined },
      };
      payloads.push(...(await withSpaceTrackSession(options, async (session) => [await session.satcat(), await session.fullCatalogGp()])));
    }
    // CelesTrak space-weather files and CARA mass estimates (told by content) go to their own stores, each in its own transaction.
    const spaceWeather = payloads.filter(isSpaceWeatherPayload);
    const masses = payloads.filter(isMassEstimatePayload);
    const catalogPayloads = payloads.filter((payload) => !spaceWeather.includes(payload) && !masses.includes(payload));
    const asOf = parseDateFlag("as-of", values["as-of"]);
    if (asOf !== undefined && masses.length === 0) throw new InvalidInputError("--as-of", "dates CARA HBR and mass estimates files only, and none was given");
    for (const payload of masses) massEstimatesAsOf(payload.source, asOf);
    if (values.strict) {
      assertSpaceWeatherStrict(spaceWeather);
      assertMassEstimatesStrict(masses);
    }
    const reports =
      catalogPayloads.length === 0 && spaceWeather.length + masses.length > 0
        ? []
        : await ingestPayloads(context.database.db, context.actors, catalogPayloads, {
            strict: values.strict ?? false,
            isActiveSet: (payload) => activeSets.has(payload),
            writeChunkRows: parseIntegerFlag("write-chunk-rows", values["write-chunk-rows"], 10_000, 100, 1_000_000),
            onProgress: (p) => progress.update(p.done, p.total, `${p.phase === "parse" ? "parsing" : "writing"} ${p.source}`),
          });
    const spaceWeatherReports = spaceWeather.length === 0 ? [] : await ingestSpaceWeather(context.database.db, spaceWeather, { strict: values.strict ?? false });
    const massReports = masses.length === 0 ? [] : await ingestMassEstimates(context.database.db, masses, { strict: values.strict ?? false, asOf });
    progress.finish();
    if (values.json) {
      writeJson(io, {
        store: context.database.describe,
        ingests: reports.map(toJson),
        ...(spaceWeatherReports.length > 0 ? { spaceWeather: spaceWeatherReports } : {}),
        ...(massReports.length > 0 ? { massEstimates: massReports } : {}),
      });
    } else {
      if (reports.length > 0 || spaceWeatherReports.length + massReports.length === 0) printReports(io, reports);
      if (spaceWeatherReports.length > 0) printSpaceWeatherReports(io, spaceWeatherReports);
      if (massReports.length > 0) printMassEstimateReports(io, massReports);
    }
    return EXIT.ok;
  } finally {
    progress.finish();
    await context.close();
  }
}

/** Plain progress lines on stderr (`--progress-lines`), for logs and for tests that watch a run. */
function lineProgress(io: CliIo) {
  return {
    update: (done: number, total: number, label: string) => io.stderr.write(`progress ${done}/${total} ${label}\n`),
    finish: () => {},
  };
}

const MAX_REJECTIONS_SHOWN = 20;

function toJson(report: IngestSourceReport) {
  const { rejections, ...rest } = report;
  return { ...rest, rejections: rejections.map((r) => ({ ...r })) };
}

function printReports(io: CliIo, reports: readonly IngestSourceReport[]): void {
  writeLine(
    io,
    formatTable(
      ["ingest", "source", "format", "accepted", "rejected", "objects new", "objects updated", "sets new", "sets dup", "as of"],
      reports.map((r) => [
        `#${r.ingestId}`,
        r.source,
        r.format,
        r.accepted,
        r.rejected,
        r.objectsInserted,
        r.objectsUpdated,
        r.elementSetsInserted,
        r.elementSetsDuplicate,
        r.dataAsOf,
      ]),
    ),
  );
  const rejections = reports.flatMap((r) => r.rejections);
  if (rejections.length > 0) {
    writeLine(io);
    writeLine(io, `${rejections.length} record(s) rejected (kept in the rejects table; see \`concord sources\`):`);
    for (const r of rejections.slice(0, MAX_REJECTIONS_SHOWN)) writeLine(io, `  ${describeRejection(r)}`);
    if (rejections.length > MAX_REJECTIONS_SHOWN) writeLine(io, `  … and ${rejections.length - MAX_REJECTIONS_SHOWN} more`);
  }
}
