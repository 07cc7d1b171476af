import { useEffect } from "react";
import type { ReactNode } from "react";

/** The page's h1 (focus target after navigation), its lead paragraph, and the document title. */
export function PageHeader({ title, lead, kicker }: { readonly title: string; readonly lead?: ReactNode; readonly kicker?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Concord`;
  }, [title]);
  return (
    <header className="page-header">
      {kicker === undefined ? null : <p className="kicker">{kicker}</p>}
      <h1 tabIndex={-1}>{title}</h1>
      {lead === undefined ? null : <div className="lead">{lead}</div>}
    </header>
  );
}
