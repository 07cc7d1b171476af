import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { ApiError } from "./api/api-error.ts";
import { createAppRouter } from "./app/app-router.tsx";
import { SessionProvider } from "./auth/session-context.tsx";
import "./styles/app.css";
import "./styles/print.css";

const container = document.getElementById("root");
if (container === null) throw new Error("index.html has no #root element");

/** Errors shown by an error boundary: API answers such as 404 and 400 are outcomes the page explains, not faults. */
function onCaughtError(error: unknown, info: { readonly componentStack?: string | undefined }): void {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) console.warn(`concord: ${error.status} ${error.code}: ${error.message}`);
  else console.error("concord: a part of the page failed", error, info.componentStack);
}

createRoot(container, { onCaughtError }).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={createAppRouter()} />
    </SessionProvider>
  </StrictMode>,
);
