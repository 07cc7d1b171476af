import { Link, useLocation } from "react-router";
import { formatCount } from "../format/figures.ts";

/** "Rows 51–100 of 1,234" with previous / next links that keep every other URL parameter (deep links). */
export function Pager({ total, limit, offset, param = "page" }: { readonly total: number; readonly limit: number; readonly offset: number; readonly param?: string }) {
  const location = useLocation();
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const linkTo = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target <= 1) params.delete(param);
    else params.set(param, String(target));
    const search = params.toString();
    return `${location.pathname}${search === "" ? "" : `?${search}`}`;
  };
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);
  return (
    <nav className="pager no-print" aria-label="Pages">
      <span>
        Rows {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
      </span>
      {page > 1 ? <Link to={linkTo(page - 1)} rel="prev">← Previous</Link> : <span className="muted" aria-hidden="true">← Previous</span>}
      <span>
        Page {formatCount(page)} of {formatCount(pages)}
      </span>
      {page < pages ? <Link to={linkTo(page + 1)} rel="next">Next →</Link> : <span className="muted" aria-hidden="true">Next →</span>}
    </nav>
  );
}

/** The page number of a URL parameter (1 when absent or invalid). */
export function pageNumber(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
