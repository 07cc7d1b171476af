import { snapshotDiff } from "./snapshot-diff.ts";
import type { SnapshotChange } from "./snapshot-diff.ts";

/** Words first, symbols second (never colour alone): how a field changed. */
const CHANGE_LABELS: Readonly<Record<SnapshotChange["change"], { readonly symbol: string; readonly label: string }>> = {
  added: { symbol: "+", label: "added" },
  removed: { symbol: "−", label: "removed" },
  changed: { symbol: "~", label: "changed" },
  same: { symbol: "=", label: "unchanged" },
};

function Value({ text }: { readonly text: string | undefined }) {
  if (text === undefined) return <span className="muted">—</span>;
  return <span className="diff-value">{text.length > 240 ? `${text.slice(0, 240)}…` : text}</span>;
}

/** `sides`: which snapshot columns to show (a created entry has no "before", a removed one no "after"). */
function ChangeRows({ rows, sides }: { readonly rows: readonly SnapshotChange[]; readonly sides: readonly ("before" | "after")[] }) {
  return (
    <>
      {rows.map((row) => (
        <tr key={row.path} className={`diff-${row.change}`}>
          <td>
            <span aria-hidden="true" className="diff-symbol">
              {CHANGE_LABELS[row.change].symbol}
            </span>{" "}
            <code>{row.path}</code>
            <span className="visually-hidden"> {CHANGE_LABELS[row.change].label}</span>
          </td>
          {sides.map((side) => (
            <td key={side} className={`diff-${side}`}>
              <Value text={row[side]} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** An audit entry's before and after snapshots as a readable, field-by-field diff; unchanged fields folded away. */
export function AuditDiff({ before, after }: { readonly before: unknown; readonly after: unknown }) {
  if ((before === null || before === undefined) && (after === null || after === undefined)) return <span className="muted">no snapshot (an event, not a change of data)</span>;
  const rows = snapshotDiff(before, after);
  const created = before === null || before === undefined;
  const removed = after === null || after === undefined;
  const sides: readonly ("before" | "after")[] = created ? ["after"] : removed ? ["before"] : ["before", "after"];
  const changed = rows.filter((row) => row.change !== "same");
  const same = rows.filter((row) => row.change === "same");
  const summary = created ? "created with" : removed ? "removed; it was" : `${changed.length} field${changed.length === 1 ? "" : "s"} changed`;
  return (
    <div className="audit-diff">
      <p className="audit-diff-summary">{summary}</p>
      <table className={`diff-table diff-sides-${sides.length}`}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            {sides.map((side) => (
              <th key={side} scope="col">
                {sides.length === 1 ? "Value" : side === "before" ? "Before" : "After"}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <ChangeRows rows={changed} sides={sides} />
        </tbody>
      </table>
      {same.length === 0 ? null : (
        <details>
          <summary>
            {same.length} unchanged field{same.length === 1 ? "" : "s"}
          </summary>
          <table className={`diff-table diff-sides-${sides.length}`}>
            <tbody>
              <ChangeRows rows={same} sides={sides} />
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
