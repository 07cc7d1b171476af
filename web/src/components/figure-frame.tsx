import type { ReactNode } from "react";
import { formatCsv } from "./csv-format.ts";
import type { CsvColumn } from "./csv-format.ts";
import { downloadText } from "./download-file.ts";

interface Props<Row> {
  readonly title: string;
  readonly subtitle?: ReactNode;
  /** The source and as-of line (SourceNote / AsOfNote). */
  readonly source: ReactNode;
  /** The figure's data as a CSV download. */
  readonly csv?: { readonly name: string; readonly columns: readonly CsvColumn<Row>[]; readonly rows: readonly Row[] };
  readonly children: ReactNode;
  readonly id?: string;
}

/** A chart or map with its title, subtitle, data download and source line, like a chart in a briefing. */
export function FigureFrame<Row>({ title, subtitle, source, csv, children, id }: Props<Row>) {
  return (
    <figure className="figure" id={id}>
      <div className="figure-head">
        <div>
          <h3 className="figure-title">{title}</h3>
          {subtitle === undefined ? null : <p className="figure-subtitle">{subtitle}</p>}
        </div>
        {csv === undefined ? null : (
          <button type="button" className="button-secondary no-print" onClick={() => downloadText(`${csv.name}.csv`, formatCsv(csv.columns, csv.rows), "text/csv;charset=utf-8")}>
            Download data (CSV)
          </button>
        )}
      </div>
      {children}
      <figcaption>{source}</figcaption>
    </figure>
  );
}
