import { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../app/concord-context.ts";
import { disposalComplianceProvider } from "../environment/compliance.service.ts";
import { stateActorCodes } from "../environment/state-actor-codes.ts";
import { NO_BOOTSTRAP } from "./bootstrap-status.ts";
import type { BootstrapStatus } from "./bootstrap-status.ts";
import { createErrorHandler, errorResponse, notFoundHandler, validationError } from "./error-handler.ts";
import { registerAccountsRoutes } from "./routes/accounts.routes.ts";
import { registerActorRoutes } from "./routes/actors.routes.ts";
import { registerConsultationsRoutes } from "./routes/consultations.routes.ts";
import { registerForaRoutes } from "./routes/fora.routes.ts";
import { registerPositionsRoutes } from "./routes/positions.routes.ts";
import { registerDiplomacyRoutes } from "./routes/diplomacy.routes.ts";
import { registerDocsRoutes } from "./routes/docs.routes.ts";
import { registerEnvironmentRoutes } from "./routes/environment.routes.ts";
import { registerHealthRoutes } from "./routes/health.routes.ts";
import { registerObjectRoutes } from "./routes/objects.routes.ts";
import { registerScreeningRoutes } from "./routes/screening.routes.ts";
import { registerSourceRoutes } from "./routes/sources.routes.ts";
import { registerStatsRoutes } from "./routes/stats.routes.ts";
import { registerWebRoutes } from "./routes/web.routes.ts";
import { routeAccessMiddleware } from "./auth/route-access.ts";
import { csrfMiddleware } from "./auth/csrf.ts";
import { sessionMiddleware } from "./auth/session-middleware.ts";
import { responseCache } from "./response-cache.ts";
import { storeGeneration } from "../store/store-generation.queries.ts";

export interface CreateAppOptions {
  /** The first-start bootstrap's status, shown by `/api/health` (default: no bootstrap). */
  readonly bootstrapStatus?: () => BootstrapStatus;
  /** Where unexpected errors are logged (default: stderr). */
  readonly log?: (line: string) => void;
}

/**
 * The HTTP API over an open Concord context. Zero magic: routes are zod-described (so the OpenAPI document is generated
 * from the same definitions that validate requests), handlers call repositories, and every error is mapped in
 * error-handler.ts. Test it in-process with `app.request()`.
 */
export function createApp(context: ConcordContext, options: CreateAppOptions = {}): OpenAPIHono {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return undefined;
      const { status, body } = errorResponse(validationError(result.error));
      return c.json(body, status);
    },
  });
  app.onError(createErrorHandler(log));
  app.notFound(notFoundHandler);
  // Session middleware (accounts, issue 7): it sets the principal before access is checked.
  app.use("/api/*", sessionMiddleware(context.database.db, context.config));
  // Deny by default: every API request must be for a route that declares who may call it (auth/route-access.ts).
  app.use("/api/*", routeAccessMiddleware(app));
  // CSRF: every state-changing request carries the session's X-CSRF-Token (public sign-in routes: JSON only).
  app.use("/api/*", csrfMiddleware());
  // GET answers are cached per store generation (see response-cache.ts); health reports live state, so it is not.
  app.use("/api/*", responseCache(() => storeGeneration(context.database.db), { uncachedPaths: ["/api/health"] }));

  registerHealthRoutes(app, context, options.bootstrapStatus ?? (() => NO_BOOTSTRAP));
  registerObjectRoutes(app, context);
  registerStatsRoutes(app, context);
  registerSourceRoutes(app, context);
  registerActorRoutes(app, context);
  registerScreeningRoutes(app, context);
  registerDiplomacyRoutes(app, context, { disposalCompliance: disposalComplianceProvider(context.database.db, (iso3) => stateActorCodes(context.actors, iso3), () => Date.now()) });
  registerEnvironmentRoutes(app, context);
  // The workspace (issue 7).
  registerAccountsRoutes(app, context);
  registerForaRoutes(app, context);
  registerPositionsRoutes(app, context);
  registerConsultationsRoutes(app, context);
  registerDocsRoutes(app);
  // Last: the web app (web/dist) and its single-page fallback for every non-API path.
  registerWebRoutes(app);
  return app;
}
