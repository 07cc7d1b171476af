import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import type { ConcordContext } from "../app/concord-context.ts";
import { InvalidInputError } from "../core/concord-error.ts";
import { createApp } from "./app.ts";
import type { BootstrapHandle } from "./bootstrap.ts";

export interface StartServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** The first-start bootstrap, whose status `/api/health` shows. */
  readonly bootstrap?: BootstrapHandle;
  /** Log lines (default: stderr). */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  /** E.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** Stops accepting connections, closes open ones, resolves when the server has stopped. */
  close(): Promise<void>;
}

/**
 * Serves the API on host:port with @hono/node-server and logs the URL. Signals are the caller's business (the CLI's
 * `serve` command). A port already in use is an InvalidInputError naming `--port`.
 */
export async function startServer(context: ConcordContext, options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = createApp(context, { log, ...(options.bootstrap ? { bootstrapStatus: options.bootstrap.status } : {}) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(started));
    started.once("error", (error: NodeJS.ErrnoException) => {
      const why = error.code === "EADDRINUSE" ? "is already in use" : error.code === "EACCES" ? "needs privileges this user lacks" : error.message;
      reject(new InvalidInputError("--port", `cannot listen on ${options.host}:${options.port}: the address ${why}`));
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log(`concord: API listening on ${url} (docs ${url}/api/docs, OpenAPI ${url}/openapi.json)`);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
