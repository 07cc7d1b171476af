import type { ReactNode } from "react";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { formatUtc } from "../../format/figures.ts";
import { counted } from "../fora/fora-queries.ts";
import { Confirmation, WriteError, useSubmission } from "../fora/write-forms.tsx";
import { PersonName, personText } from "./person-name.tsx";
import type { PositionCitation, PositionDetail } from "./positions-queries.ts";

type Figure = PositionCitation["cited"];

function figureText(figure: Figure): string {
  return figure.valueText;
}

function freshnessText(c: PositionCitation): string {
  const f = c.freshness;
  if (f.status === "unavailable") return `cannot be read now${f.problem === null ? "" : `: ${f.problem}`}`;
  if (!f.newerValueExists || f.current === null) return "unchanged: the evidence base still says this";
  const parts = [f.valueChanged ? `now ${f.current.valueText}` : `still ${f.current.valueText}`, `as of ${f.current.asOf ?? "undated"}`];
  return `a newer value exists: ${parts.join(", ")}`;
}

function FreshnessCell({ citation }: { readonly citation: PositionCitation }) {
  const f = citation.freshness;
  const className = f.status === "unavailable" ? "freshness freshness-unavailable" : f.newerValueExists ? "freshness freshness-newer" : "freshness freshness-unchanged";
  return (
    <span className={className} data-freshness={f.status}>
      {freshnessText(citation)}
      {f.current?.source === null || f.current === null || f.current.source === citation.cited.source ? null : <span className="cell-sub">source now: {f.current.source}</span>}
    </span>
  );
}

function columns(removeButton: ((c: PositionCitation) => ReactNode) | null): TableColumn<PositionCitation>[] {
  const shown: TableColumn<PositionCitation>[] = [
    {
      header: "Figure",
      value: (c) => c.label,
      cell: (c) => (
        <>
          {c.label}
          <span className="cell-sub">
            cited by <PersonName person={c.citedBy} />, {formatUtc(c.citedAt)}, in version {c.citedInVersion}
          </span>
        </>
      ),
      wrap: true,
    },
    { header: "Value as cited", value: (c) => figureText(c.cited), cell: (c) => <strong>{figureText(c.cited)}</strong> },
    { header: "As of", value: (c) => c.cited.asOf ?? "undated" },
    { header: "Source", value: (c) => c.cited.source, cell: (c) => (c.cited.source === null ? <span className="muted">—</span> : <LinkedText text={c.cited.source} />), wrap: true },
    {
      header: "Evidence",
      value: (c) => `${c.apiPath}#${c.pointer}`,
      cell: (c) => (
        <>
          <a href={c.apiPath} target="_blank" rel="noreferrer">
            {c.apiPath}
          </a>
          <span className="cell-sub">
            <code>{c.pointer}</code>
          </span>
        </>
      ),
    },
    { header: "Now", value: (c) => freshnessText(c), cell: (c) => <FreshnessCell citation={c} />, wrap: true, description: "The same figure in the evidence base now: unchanged, or a newer value exists" },
    { header: "Cited by", value: (c) => personText(c.citedBy, true), csvOnly: true },
    { header: "Cited at", value: (c) => c.citedAt, csvOnly: true },
    { header: "In version", value: (c) => c.citedInVersion, csvOnly: true },
    { header: "Current value", value: (c) => c.freshness.current?.valueText ?? null, csvOnly: true },
    { header: "Current as of", value: (c) => c.freshness.current?.asOf ?? null, csvOnly: true },
  ];
  return removeButton === null ? shown : [...shown, { header: "Change", value: () => null, cell: removeButton, screenOnly: true }];
}

/**
 * The figures the position cites, each as cited (value, as-of date, source: kept when the data moves on) beside the
 * same figure now; writers may remove one (it stays in the history of the versions that cited it).
 */
export function PositionCitations({ position, mayChange, onChanged }: { readonly position: PositionDetail; readonly mayChange: boolean; readonly onChanged: () => void }) {
  const submission = useSubmission();
  const remove = (citation: PositionCitation) => {
    void submission.run(async () => {
      const result = await unwrap(api.DELETE("/api/positions/{id}/citations/{citationId}", { params: { path: { id: position.id, citationId: citation.id } } }));
      onChanged();
      return `Removed “${citation.label}”.${result.returnedToDraft === null ? "" : ` Note: ${result.returnedToDraft.message}.`}`;
    });
  };
  const newer = position.citations.filter((c) => c.freshness.newerValueExists).length;
  return (
    <>
      <DataTable
        caption={`${counted(position.citations.length, "cited figure")}${newer === 0 ? "" : `; ${newer} with a newer value`}`}
        columns={columns(
          mayChange
            ? (c) => (
                <button type="button" className="button-secondary button-small no-print" disabled={submission.sending} onClick={() => remove(c)} aria-label={`Remove the figure ${c.label}`}>
                  Remove
                </button>
              )
            : null,
        )}
        rows={position.citations}
        rowKey={(c) => c.id}
        csvName={`concord-position-${position.id}-figures`}
        rowClassName={(c) => (c.freshness.newerValueExists ? "row-newer" : undefined)}
        empty={<EmptyState title="The position cites no figure yet." minHeight={60}>{mayChange ? <p>Cite one with the form below: its value and as-of date are kept as cited.</p> : null}</EmptyState>}
      />
      <WriteError submission={submission} action="remove the figure" />
      <Confirmation submission={submission} />
    </>
  );
}
