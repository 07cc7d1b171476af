import { openConcordContext } from "../../app/concord-context.ts";
import { loadConfig } from "../../core/config.ts";
import { startBootstrapIfEmpty } from "../../server/bootstrap.ts";
import { startServer } from "../../server/start-server.ts";
import type { CliIo } from "../cli-io.ts";
import { parseCommandArgs } from "../global-flags.ts";
import { announceFirstAdminSetup } from "./users.ts";

/**
 * `concord serve [--host H] [--port P] [--no-bootstrap]`: the HTTP API (and, once built, the web app) on the configured
 * store. On a first start with an empty store it ingests CelesTrak's public SATCAT and active GP in the background.
 * Runs until SIGINT or SIGTERM.
 */
export async function runServe(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "serve",
    args,
    { host: { type: "string" }, port: { type: "string" }, "no-bootstrap": { type: "boolean" } },
    false,
  );
  const config = loadConfig(
    {
      dataDir: values["data-dir"],
      databaseUrl: values["database-url"],
      host: values.host,
      port: values.port,
      ...(values["no-bootstrap"] ? { bootstrap: false } : {}),
    },
    io.env,
  );
  const context = await openConcordContext(config);
  const bootstrap = config.bootstrapOnEmpty ? await startBootstrapIfEmpty(context) : null;
  const server = await startServer(context, { host: config.host, port: config.port, ...(bootstrap ? { bootstrap } : {}) });
  // First start (accounts, issue 7): no admin yet, so print one single-use setup link for the person at the console.
  await announceFirstAdminSetup(context, io);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  io.stderr.write("concord: shutting down\n");
  await server.close();
  await context.close();
  return 0;
}
