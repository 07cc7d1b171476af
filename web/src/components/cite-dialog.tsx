import { useEffect, useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import { Link, useLocation } from "react-router";
import { api } from "../api/api-client.ts";
import type { Schemas } from "../api/api-client.ts";
import { ApiError, unwrap } from "../api/api-error.ts";
import { signInHref } from "../auth/require-role.tsx";
import type { CitableFigure } from "./cite-figures.ts";
import "./cite-dialog.css";

type PositionItem = Schemas["PositionList"]["items"][number];

/** The clearance states in which citing is offered: the positions still being written. */
const EDITABLE_STATUSES: ReadonlySet<PositionItem["status"]> = new Set(["draft", "under-review"]);
const STATUS_WORDS: Readonly<Record<PositionItem["status"], string>> = { draft: "draft", "under-review": "under review", cleared: "cleared", delivered: "delivered" };

type Listing = { readonly state: "loading" } | { readonly state: "loaded"; readonly positions: readonly PositionItem[] } | { readonly state: "failed"; readonly error: unknown };

interface Cited {
  readonly positionId: number;
  readonly positionTitle: string;
  readonly valueText: string;
  readonly asOf: string | null;
  readonly returnedToDraft: string | null;
}

type Outcome = { readonly state: "idle" } | { readonly state: "sending" } | { readonly state: "cited"; readonly cited: Cited } | { readonly state: "failed"; readonly error: unknown };

/** What went wrong, in words, with what to do; `data-status` names the HTTP status (0: no answer). */
function Failure({ error, action }: { readonly error: unknown; readonly action: string }) {
  const location = useLocation();
  if (!(error instanceof ApiError)) {
    return (
      <p className="cite-error" role="alert">
        Could not {action}: {error instanceof Error ? error.message : String(error)}
      </p>
    );
  }
  let text: string;
  if (error.status === 0) text = `Could not ${action}: the server did not answer (network). Check your connection and try again.`;
  else if (error.status === 401) {
    return (
      <p className="cite-error" role="alert" data-status="401">
        Your session has ended, so the server refused to {action}. <Link to={signInHref(`${location.pathname}${location.search}`)}>Sign in again</Link>, then cite it again.
      </p>
    );
  } else if (error.status === 403) text = `Refused (403): you may not ${action} — the server says: ${error.message}.`;
  else if (error.status === 409) text = `Refused (409): ${error.message}. Choose a position that is still a draft or under review.`;
  else if (error.status === 404) text = `Not found (404): ${error.message}. It may have been removed; choose another position.`;
  else if (error.status === 400) text = `The server could not read this figure (400): ${error.message}.`;
  else text = `Could not ${action} (${error.status} ${error.code}): ${error.message}. ${error.advice}`;
  return (
    <p className="cite-error" role="alert" data-status={error.status}>
      {text}
    </p>
  );
}

function PositionChoice({ position, checked, onChoose }: { readonly position: PositionItem; readonly checked: boolean; readonly onChoose: () => void }) {
  const where = [position.forumSession?.title, position.agendaItem === null ? undefined : `item ${position.agendaItem.itemNumber}`].filter((p) => p !== undefined).join(", ");
  return (
    <label className="cite-position">
      <input type="radio" name="position" value={position.id} checked={checked} onChange={onChoose} required />
      <span>
        <span className="cite-position-title">{position.title}</span>{" "}
        <span className="cite-position-meta">
          ({STATUS_WORDS[position.status]}
          {where === "" ? "" : `; ${where}`})
        </span>
      </span>
    </label>
  );
}

/**
 * The modal dialog of a Cite button: the figure as the page fixed it, the positions the user can still edit (draft or
 * under review, read afresh at each opening), and the citation added to the chosen one (POST
 * /api/positions/{id}/citations; the server reads the figure again and keeps its value, as-of date and source). A
 * native modal <dialog>: focus moves into it, the page behind is inert, Escape closes it (`onClose`).
 */
export function CiteDialog({ figure, onClose }: { readonly figure: CitableFigure; readonly onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [chosen, setChosen] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) {
      dialog.showModal();
      headingRef.current?.focus();
    }
  }, []);

  useEffect(() => {
    let current = true;
    unwrap(api.GET("/api/positions", {})).then(
      (list) => {
        if (current) setListing({ state: "loaded", positions: list.items.filter((p) => EDITABLE_STATUSES.has(p.status)) });
      },
      (error: unknown) => {
        if (current) setListing({ state: "failed", error });
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const positions = listing.state === "loaded" ? listing.positions : [];
  const chosenPosition = positions.find((p) => p.id === chosen);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Once cited, the same figure again would be a second citation: choose another position first.
    if (chosenPosition === undefined || outcome.state === "sending" || outcome.state === "cited") return;
    setOutcome({ state: "sending" });
    const body = { label: figure.label, apiPath: figure.apiPath, pointer: figure.pointer, ...(figure.asOfPointer === undefined ? {} : { asOfPointer: figure.asOfPointer }) };
    unwrap(api.POST("/api/positions/{id}/citations", { params: { path: { id: chosenPosition.id } }, body })).then(
      (result) => {
        const citation = result.citations.find((c) => c.id === result.citationId);
        setOutcome({
          state: "cited",
          cited: {
            positionId: result.id,
            positionTitle: result.title,
            valueText: citation?.cited.valueText ?? figure.shown,
            asOf: citation?.cited.asOf ?? null,
            returnedToDraft: result.returnedToDraft?.message ?? null,
          },
        });
      },
      (error: unknown) => setOutcome({ state: "failed", error }),
    );
  };

  return (
    <dialog ref={dialogRef} className="cite-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        Cite this figure in a position
      </h2>
      <dl className="cite-facts">
        <div>
          <dt>Figure</dt>
          <dd>{figure.label}</dd>
        </div>
        <div>
          <dt>On this page</dt>
          <dd className="cite-shown">{figure.shown}</dd>
        </div>
        <div>
          <dt>Read from</dt>
          <dd>
            <code>{figure.apiPath}</code> at <code>{figure.pointer}</code>
          </dd>
        </div>
      </dl>
      <p className="cite-note">The server reads the figure again as you cite it, and keeps its value, as-of date and source with the position, even when the data moves on.</p>
      <form onSubmit={submit} aria-labelledby={headingId}>
        <fieldset className="cite-positions">
          <legend>Position (draft or under review)</legend>
          {listing.state === "loading" ? (
            <p className="cite-note" role="status">
              Reading your positions…
            </p>
          ) : listing.state === "failed" ? (
            <Failure error={listing.error} action="list the positions" />
          ) : positions.length === 0 ? (
            <p className="cite-note">
              No position is a draft or under review. <Link to="/positions">Draft one on the Positions page</Link>, then cite the figure.
            </p>
          ) : (
            positions.map((p) => (
              <PositionChoice
                key={p.id}
                position={p}
                checked={chosen === p.id}
                onChoose={() => {
                  setChosen(p.id);
                  if (outcome.state !== "sending") setOutcome({ state: "idle" });
                }}
              />
            ))
          )}
        </fieldset>
        {chosenPosition?.status === "under-review" ? <p className="cite-note">A cited figure changes the content: this position goes back to draft and needs review again.</p> : null}
        {outcome.state === "failed" ? <Failure error={outcome.error} action="cite the figure" /> : null}
        {outcome.state === "cited" ? (
          <p className="cite-done" role="status">
            Cited “{figure.label}” in “{outcome.cited.positionTitle}”: {outcome.cited.valueText}
            {outcome.cited.asOf === null ? " (undated)" : ` as of ${outcome.cited.asOf}`}.{outcome.cited.returnedToDraft === null ? "" : ` Note: ${outcome.cited.returnedToDraft}.`}{" "}
            <Link to={`/positions/${outcome.cited.positionId}`}>Open the position</Link>
          </p>
        ) : null}
        <div className="cite-actions">
          <button type="submit" disabled={chosenPosition === undefined || outcome.state === "sending" || outcome.state === "cited"}>
            {outcome.state === "sending" ? "Citing…" : "Cite in this position"}
          </button>
          <button type="button" className="button-secondary" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
