import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/**
 * The address a request came from, for the sign-in rate limit: the TCP peer's address. Proxy headers
 * (X-Forwarded-For) are not trusted, since any client can set them. In-process requests (tests) have no socket
 * and share the key "unknown".
 */
export function clientAddressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
