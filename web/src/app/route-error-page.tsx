import { isRouteErrorResponse, Link, useRouteError } from "react-router";

/** A page that failed to load or render (e.g. a new build replaced the page's code: reloading fixes that). */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <section className="page">
      <h1 tabIndex={-1}>This page could not be shown</h1>
      <div className="state state-error" role="alert">
        <p>{message}</p>
        <p>
          Reload the page (the app may have been updated since it was opened). If it fails again, go back to the <Link to="/">overview</Link> and report the
          address of this page.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </section>
  );
}
