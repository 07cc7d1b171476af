import { Component, Suspense, use } from "react";
import type { FormEvent, ReactNode } from "react";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorState, Loading } from "../../components/status-states.tsx";
import type { useUrlFilters } from "../../components/url-filters.ts";
import { formatUtc } from "../../format/figures.ts";
import { counted, idParam } from "../fora/fora-queries.ts";
import { PersonName, personText } from "./person-name.tsx";
import { STATUS_LABELS, loadPositionDiff } from "./positions-queries.ts";
import type { PositionVersions } from "./positions-queries.ts";

type Filters = ReturnType<typeof useUrlFilters>;
type Version = PositionVersions["versions"][number];

const VERSION_COLUMNS = [
  { header: "Version", value: (v: Version) => v.version, numeric: true },
  { header: "Title", value: (v: Version) => v.title, wrap: true },
  { header: "Changed by", value: (v: Version) => personText(v.changedBy, true), cell: (v: Version) => <PersonName person={v.changedBy} /> },
  { header: "When", value: (v: Version) => v.changedAt, cell: (v: Version) => formatUtc(v.changedAt) },
  { header: "Note", value: (v: Version) => v.note, wrap: true },
  { header: "Sent back to draft from", value: (v: Version) => (v.statusResetFrom === null ? null : STATUS_LABELS[v.statusResetFrom]) },
];

class DiffErrorBoundary extends Component<{ readonly children: ReactNode; readonly resetKey: string }, { readonly error: unknown; readonly key: string }> {
  override state = { error: null as unknown, key: this.props.resetKey };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  static getDerivedStateFromProps(props: { readonly resetKey: string }, state: { readonly key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }
  override render() {
    return this.state.error === null ? this.props.children : <ErrorState what="the comparison" error={this.state.error} minHeight={80} />;
  }
}

function Diff({ positionId, from, to, revision }: { readonly positionId: number; readonly from: number; readonly to: number; readonly revision: number }) {
  const diff = use(loadPositionDiff(positionId, from, to, revision));
  return (
    <div className="diff-block">
      <p className="diff-summary" role="status">
        Version {diff.from.version} (<PersonName person={diff.from.changedBy} />, {formatUtc(diff.from.changedAt)}) → version {diff.to.version} (<PersonName person={diff.to.changedBy} />, {formatUtc(diff.to.changedAt)}):{" "}
        <span className="diff-added-count">+{diff.added} lines added</span>, <span className="diff-removed-count">−{diff.removed} removed</span>, {diff.unchanged} unchanged
        {diff.titleChanged ? `; title changed from “${diff.from.title}” to “${diff.to.title}”` : ""}
        {diff.exact ? "." : ". The texts were too far apart to compare line by line: the whole old text is shown removed and the new one added."}
      </p>
      <div className="diff" role="table" aria-label={`Changes from version ${diff.from.version} to version ${diff.to.version}`}>
        {diff.lines.map((line, index) => (
          <div key={index} className={`diff-line diff-${line.op}`} role="row">
            <span className="diff-number" role="cell" aria-label={line.fromLine === null ? undefined : `old line ${line.fromLine}`}>
              {line.fromLine ?? ""}
            </span>
            <span className="diff-number" role="cell" aria-label={line.toLine === null ? undefined : `new line ${line.toLine}`}>
              {line.toLine ?? ""}
            </span>
            <span className="diff-op" role="cell" aria-label={line.op}>
              {line.op === "added" ? "+" : line.op === "removed" ? "−" : " "}
            </span>
            <span className="diff-text" role="cell">
              {line.text === "" ? "\u00a0" : line.text}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}

/** Every version (who, when, note) and the line diff between two of them (chosen in the URL: ?from=1&to=2). */
export function PositionHistory({ positionId, versions, filters, revision }: { readonly positionId: number; readonly versions: PositionVersions; readonly filters: Filters; readonly revision: number }) {
  const current = versions.currentVersion;
  const from = idParam(filters.get("from")) ?? Math.max(1, current - 1);
  const to = idParam(filters.get("to")) ?? current;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    filters.update({ from: String(data.get("from") ?? ""), to: String(data.get("to") ?? "") });
  };
  const choices = versions.versions.map((v) => v.version);
  return (
    <>
      <DataTable
        caption={`${counted(versions.versions.length, "version")}, oldest first`}
        columns={VERSION_COLUMNS}
        rows={versions.versions}
        rowKey={(v) => v.version}
        csvName={`concord-position-${positionId}-versions`}
        rowClassName={(v) => (v.version === current ? "row-selected" : undefined)}
        empty={<p className="state state-empty">No version is stored.</p>}
      />
      <h3 id="compare-heading">Compare two versions</h3>
      {current < 2 ? (
        <p className="muted">There is only one version so far; edit the text to make a second one.</p>
      ) : (
        <>
          <form className="filters no-print" aria-labelledby="compare-heading" onSubmit={submit} key={`${from}-${to}`}>
            <label className="field field-narrow">
              <span>From version</span>
              <select name="from" defaultValue={String(from)}>
                {choices.map((v) => (
                  <option key={v} value={String(v)}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-narrow">
              <span>To version</span>
              <select name="to" defaultValue={String(to)}>
                {choices.map((v) => (
                  <option key={v} value={String(v)}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <div className="field-actions">
              <button type="submit">Compare</button>
            </div>
          </form>
          <DiffErrorBoundary resetKey={`${from}-${to}-${revision}`}>
            <Suspense fallback={<Loading what="the comparison" minHeight={120} />}>
              <Diff positionId={positionId} from={from} to={to} revision={revision} />
            </Suspense>
          </DiffErrorBoundary>
        </>
      )}
    </>
  );
}
