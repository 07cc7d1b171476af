import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { Confirmation, TextField, WriteError, optional, useSubmission } from "../fora/write-forms.tsx";
import type { PositionDetail } from "./positions-queries.ts";

/** Paths of the public evidence API that positions cite most, with a pointer to one figure in each (examples). */
const EXAMPLES = [
  { apiPath: "/api/instruments/artemis-accords", pointer: "/growth/years/6/cumulative", what: "participants in the Artemis Accords by the latest year" },
  { apiPath: "/api/states/CHN", pointer: "/commitments/0/answer/value", what: "China's standing under the Outer Space Treaty (its first commitment listed)" },
  { apiPath: "/api/stats?by=state", pointer: "/totals/onOrbit", what: "objects on orbit in the catalog (after a catalog ingest)" },
  { apiPath: "/api/instruments/ost", pointer: "/instrument/inForceDate", what: "the Outer Space Treaty's entry into force" },
] as const;

/** The value at a JSON pointer (RFC 6901) in a parsed answer, or undefined: for the preview only (the server reads it again). */
function atPointer(body: unknown, pointer: string): unknown {
  if (pointer === "") return body;
  if (!pointer.startsWith("/")) return undefined;
  let node: unknown = body;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)];
    else if (node !== null && typeof node === "object" && Object.hasOwn(node, key)) node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}

function previewText(value: unknown): string {
  if (value === undefined) return "nothing at that pointer";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return `${JSON.stringify(value)} — citable`;
  if (value === null) return "null — not citable (a figure is a number, text or yes/no)";
  if (Array.isArray(value)) return `a list of ${value.length} — point into it (e.g. ${"/0"}) for one figure`;
  return `an object with ${Object.keys(value).slice(0, 8).join(", ")}${Object.keys(value).length > 8 ? ", …" : ""} — point into it for one figure`;
}

/**
 * Cites a figure of the public evidence API: a label, the API path and a JSON pointer to one value in its answer. The
 * server reads the figure now and keeps its value, as-of date and source. "Look it up" reads the same path from the
 * browser and shows what the pointer names, before citing.
 */
export function CiteFigureForm({ position, onCited }: { readonly position: PositionDetail; readonly onCited: () => void }) {
  const submission = useSubmission();
  const [label, setLabel] = useState("");
  const [apiPath, setApiPath] = useState("");
  const [pointer, setPointer] = useState("");
  const [asOfPointer, setAsOfPointer] = useState("");
  const [preview, setPreview] = useState<string | null>(null);

  const lookUp = async () => {
    setPreview("Looking it up…");
    try {
      if (!apiPath.startsWith("/api/")) throw new Error("an evidence path starts with /api/");
      const response = await fetch(apiPath, { credentials: "omit", headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`the API answered ${response.status}${response.status === 401 || response.status === 403 ? " (not a public evidence route: it cannot be cited)" : ""}`);
      setPreview(`${apiPath} ${pointer === "" ? "(whole answer)" : pointer}: ${previewText(atPointer(await response.json(), pointer))}`);
    } catch (error) {
      setPreview(`Could not look it up: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async () => {
      const result = await unwrap(
        api.POST("/api/positions/{id}/citations", { params: { path: { id: position.id } }, body: { label: label.trim(), apiPath: apiPath.trim(), pointer: pointer.trim(), asOfPointer: optional(asOfPointer) } }),
      );
      const cited = result.citations.find((c) => c.id === result.citationId);
      setLabel("");
      setPointer("");
      setAsOfPointer("");
      setPreview(null);
      onCited();
      return `Cited “${cited?.label ?? label}”: ${cited?.cited.valueText ?? "?"} as of ${cited?.cited.asOf ?? "an unknown date"}${cited?.cited.source ? ` (${cited.cited.source})` : ""}.${result.returnedToDraft === null ? "" : ` Note: ${result.returnedToDraft.message}.`}`;
    });
  };

  return (
    <form key={submission.generation} className="ws-form no-print" aria-labelledby="cite-heading" onSubmit={submit}>
      <h3 id="cite-heading">Cite a figure</h3>
      <div className="field-hint cite-help">
        <p>
          Any public GET path of the evidence API works (the pages' figures come from them; the API's own list is at <a href="/api/docs">/api/docs</a>); workspace paths
          (positions, users, consultations) are refused. The pointer (RFC 6901) names one number, text or yes/no in that answer; open the path to find it. For example:
        </p>
        <ul>
          {EXAMPLES.map((e) => (
            <li key={e.apiPath}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setApiPath(e.apiPath);
                  setPointer(e.pointer);
                  if (label === "") setLabel(`${e.what.charAt(0).toUpperCase()}${e.what.slice(1)}`);
                  setPreview(null);
                }}
              >
                <code>{e.apiPath}</code> with <code>{e.pointer}</code>
              </button>{" "}
              — {e.what}
            </li>
          ))}
        </ul>
      </div>
      <div className="ws-form-grid">
        <TextField label="Label" field="label" submission={submission} value={label} onChange={setLabel} required className="field-wide" placeholder="e.g. Artemis Accords: participants" />
        <TextField label="Evidence API path" field="apiPath" submission={submission} value={apiPath} onChange={(v) => { setApiPath(v); setPreview(null); }} required className="field-wide" placeholder="/api/instruments/artemis-accords" />
        <TextField label="JSON pointer" field="pointer" submission={submission} value={pointer} onChange={(v) => { setPointer(v); setPreview(null); }} placeholder="/growth/years/6/cumulative" />
        <TextField label="As-of pointer (optional)" field="asOfPointer" submission={submission} value={asOfPointer} onChange={setAsOfPointer} hint="Only when the default rule picks the wrong date." />
      </div>
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={() => void lookUp()} disabled={apiPath.trim() === ""}>
          Look it up
        </button>
        <button type="submit" disabled={submission.sending}>
          {submission.sending ? "Citing…" : "Cite the figure"}
        </button>
        {preview === null ? null : (
          <span className="field-hint" role="status">
            {preview}
          </span>
        )}
      </div>
      <WriteError submission={submission} action="cite the figure" fields={["label", "apiPath", "pointer", "asOfPointer"]} />
      <Confirmation submission={submission} />
    </form>
  );
}
