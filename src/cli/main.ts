import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ConcordError } from "../core/concord-error.ts";
import type { CliIo } from "./cli-io.ts";
import { EXIT, exitCodeFor } from "./exit-codes.ts";

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Commands load lazily, so `concord stats` does not pay for the HTTP server's imports. */
const lazy =
  (load: () => Promise<Record<string, unknown>>, exportName: string): Command =>
  async (args, io) => {
    const run = (await load())[exportName] as Command;
    return run(args, io);
  };

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  ingest: { run: lazy(() => import("./commands/ingest.ts"), "runIngest"), summary: "ingest <files|urls…> [--celestrak GROUP] [--celestrak-satcat] [--spacetrack] [--active-set] [--as-of DATE] [--strict] [--json]" },
  objects: { run: lazy(() => import("./commands/objects.ts"), "runObjects"), summary: "objects [--owner CODE] [--state ACTOR] [--type T] [--regime R] [--status S] [--search Q] [--limit N] [--json]" },
  stats: { run: lazy(() => import("./commands/stats.ts"), "runStats"), summary: "stats --by state|owner|regime|type|launch-year [--status S] [--json]" },
  propagate: { run: lazy(() => import("./commands/propagate.ts"), "runPropagate"), summary: "propagate <catalog-number> --at ISO [--to ISO --step SECONDS] [--json]" },
  "sgp4-verify": { run: lazy(() => import("./commands/sgp4-verify.ts"), "runSgp4Verify"), summary: "sgp4-verify [--dir PATH] [--json]" },
  sources: { run: lazy(() => import("./commands/sources.ts"), "runSources"), summary: "sources [--json]" },
  screen: { run: lazy(() => import("./commands/screen.ts"), "runScreen"), summary: "screen [--from ISO] [--days N] [--threshold-km D] [--primaries SELECTOR] [--threads N] [--json]" },
  conjunctions: { run: lazy(() => import("./commands/conjunctions.ts"), "runConjunctions"), summary: "conjunctions [--run ID] [--actor X] [--min-pc P] [--max-miss-km D] [--limit N] [--json]" },
  cdm: { run: lazy(() => import("./commands/cdm.ts"), "runCdm"), summary: "cdm <event-id> --format kvn|xml" },
  exposure: { run: lazy(() => import("./commands/exposure.ts"), "runExposure"), summary: "exposure [--run ID] [--json]" },
  acts: { run: lazy(() => import("./commands/acts.ts"), "runActs"), summary: "acts import FILE.csv [--strict] [--at YYYY-MM-DD] [--json]" },
  state: { run: lazy(() => import("./commands/state.ts"), "runState"), summary: "state ISO3 [--json]" },
  instrument: { run: lazy(() => import("./commands/instrument.ts"), "runInstrument"), summary: "instrument ID [--json]" },
  votes: { run: lazy(() => import("./commands/votes.ts"), "runVotes"), summary: "votes RESOLUTION [--json]" },
  outreach: { run: lazy(() => import("./commands/outreach.ts"), "runOutreach"), summary: "outreach INSTRUMENT [--top N] [--weights FILE] [--json]" },
  lifetime: { run: lazy(() => import("./commands/lifetime.ts"), "runLifetime"), summary: "lifetime <catalog-number> [--at ISO] [--mode forecast|hindcast] [--calibration none|cycle-25] [--json]" },
  "lifetime-validate": { run: lazy(() => import("./commands/lifetime-validate.ts"), "runLifetimeValidate"), summary: "lifetime-validate [--catalog F] [--satcat F] [--space-weather F] [--at ISO] [--mode hindcast|forecast|both] [--json]" },
  compliance: { run: lazy(() => import("./commands/compliance.ts"), "runCompliance"), summary: "compliance [--rule 25y|5y] [--by state|owner|regime|year|type] [--at ISO] [--json]" },
  fragmentations: { run: lazy(() => import("./commands/fragmentations.ts"), "runFragmentations"), summary: "fragmentations [--at ISO] [--json]" },
  environment: { run: lazy(() => import("./commands/environment.ts"), "runEnvironment"), summary: "environment [--by state|type|regime] [--at ISO] [--json]" },
  serve: { run: lazy(() => import("./commands/serve.ts"), "runServe"), summary: "serve [--host H] [--port P] [--no-bootstrap]" },
  users: { run: lazy(() => import("./commands/users.ts"), "runUsers"), summary: "users add --email E --name N --role R [--organisation O] [--sector S] [--password-stdin] | list [--role R] | disable|enable EMAIL [--json]" },
  audit: { run: lazy(() => import("./commands/audit.ts"), "runAudit"), summary: "audit export [--format csv|json] [--out FILE] [--entity-type T] [--action A] [--since ISO] [--until ISO]" },
  fora: { run: lazy(() => import("./commands/fora.ts"), "runFora"), summary: 'fora sessions [--forum ID] [--json] | agenda-import --session ID|KEY --file FILE --source "SYMBOL URL" [--as-of YYYY-MM-DD] [--dry-run] [--json]' },
};

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  concord ${c.summary}`);
  return [
    "concord — evidence workbench for multilateral space diplomacy",
    "",
    "Commands:",
    ...lines,
    "",
    "Every command accepts --data-dir DIR (env CONCORD_DATA_DIR, default ./.concord) and",
    "--database-url URL (env DATABASE_URL: PostgreSQL instead of the embedded SQLite store).",
    "Exit codes: 0 ok, 1 internal error, 2 usage, 3 source unreadable, 4 --strict rejected records, 5 verification failed, 6 not found, 130 screening cancelled (nothing stored).",
  ].join("\n");
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(`${usage()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr.write(`concord: unknown command ${JSON.stringify(name)}\n\n${usage()}\n`);
    return EXIT.usage;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`usage: concord ${command.summary}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    const message = error instanceof ConcordError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`concord ${name}: ${message}\n`);
    return exitCodeFor(error);
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isEntryPoint) {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => {
      // `serve` keeps running; every other command ends here.
      if (code !== -1) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`concord: ${String(error)}\n`);
      process.exitCode = EXIT.internalError;
    },
  );
}
