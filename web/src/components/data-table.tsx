import { useState } from "react";
import type { ReactNode } from "react";
import { formatCsv } from "./csv-format.ts";
import type { CsvColumn } from "./csv-format.ts";
import { downloadText } from "./download-file.ts";

export interface TableColumn<Row> extends CsvColumn<Row> {
  /** The cell as shown (default: the CSV value as text). */
  readonly cell?: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
  /** A longer explanation of the header (title attribute and screen readers). */
  readonly description?: string;
  /** In the CSV only (its value is shown within another column on screen). */
  readonly csvOnly?: boolean;
  /** On screen only (a combination of columns that the CSV has separately). */
  readonly screenOnly?: boolean;
  /** Long text that may wrap (other cells keep to one line). */
  readonly wrap?: boolean;
}

interface Props<Row> {
  readonly caption: ReactNode;
  readonly columns: readonly TableColumn<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string | number;
  /** File name of the CSV download, without extension. */
  readonly csvName: string;
  /** For paged tables: every matching row (the CSV then holds them all, not only this page). */
  readonly loadAllRows?: () => Promise<readonly Row[]>;
  /** Shown instead of the table when there are no rows. */
  readonly empty: ReactNode;
  /** Under the table (a pager). */
  readonly footer?: ReactNode;
  readonly rowClassName?: (row: Row) => string | undefined;
}

/**
 * A dense, accessible table (caption, scoped headers, keyboard-scrollable region) with a CSV download of its rows
 * (or, for a paged table, of every matching row).
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, csvName, loadAllRows, empty, footer, rowClassName }: Props<Row>) {
  const [exporting, setExporting] = useState<string | null>(null);
  const shown = columns.filter((column) => !column.csvOnly);
  const download = async () => {
    try {
      setExporting("Preparing CSV…");
      const all = loadAllRows === undefined ? rows : await loadAllRows();
      downloadText(`${csvName}.csv`, formatCsv(columns.filter((column) => !column.screenOnly), all), "text/csv;charset=utf-8");
      setExporting(null);
    } catch (error) {
      setExporting(`CSV failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div className="table-block">
      <div className="table-toolbar">
        <div className="table-caption" aria-hidden="true">
          {caption}
        </div>
        <div className="table-actions no-print">
          {exporting === null ? null : <span className="muted" role="status">{exporting}</span>}
          <button type="button" className="button-secondary" onClick={() => void download()} disabled={rows.length === 0}>
            Download CSV{loadAllRows === undefined ? "" : " (all rows)"}
          </button>
        </div>
      </div>
      {rows.length === 0 ? (
        empty
      ) : (
        <div className="table-scroll" role="region" aria-label={typeof caption === "string" ? caption : "table"} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {shown.map((column) => (
                  <th key={column.header} scope="col" className={column.numeric ? "num" : undefined} title={column.description}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className={rowClassName?.(row)}>
                  {shown.map((column) => (
                    <td key={column.header} className={column.numeric ? "num" : column.wrap ? "wrap" : undefined}>
                      {column.cell ? column.cell(row) : displayValue(column.value(row))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {footer}
    </div>
  );
}

function displayValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "number" ? value.toLocaleString("en-US") : String(value);
}
