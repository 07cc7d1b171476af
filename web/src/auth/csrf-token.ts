import type { Middleware } from "openapi-fetch";

/**
 * The signed-in session's CSRF token (synchronizer token, from GET /api/auth/session or the sign-in answer). The API
 * client sends it as `X-CSRF-Token` on every state-changing request; the server refuses those without it.
 */
let currentToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  currentToken = token;
}

export function csrfToken(): string | null {
  return currentToken;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** openapi-fetch middleware: adds the header to POST, PUT, PATCH and DELETE requests while a session is known. */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (STATE_CHANGING.has(request.method.toUpperCase()) && currentToken !== null) request.headers.set("X-CSRF-Token", currentToken);
    return request;
  },
};
