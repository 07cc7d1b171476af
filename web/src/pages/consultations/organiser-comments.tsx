import { Link } from "react-router";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { MarkdownHtml } from "../../components/markdown-html.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { CommentList } from "./comment-item.tsx";
import { byParagraph, bySector, countComments, countsText, sectorCountsText, sectorHeading, sectorsShown } from "./comment-tally.ts";
import type { CommentSector } from "./comment-tally.ts";
import type { ConsultationComment, ConsultationDetail } from "./consultation-queries.ts";

type Paragraph = ConsultationDetail["paragraphs"][number];

interface CountRow {
  readonly key: string;
  readonly label: string;
  readonly comments: readonly ConsultationComment[];
}

/** Comments by paragraph (rows) and sector (columns), with public and confidential counts; a CSV of the same. */
function CountTable({ paragraphs, comments }: { readonly paragraphs: readonly Paragraph[]; readonly comments: readonly ConsultationComment[] }) {
  const sectors = sectorsShown(comments);
  const rows: CountRow[] = [
    ...paragraphs.map((p) => ({ key: `p${p.number}`, label: `¶ ${p.number}`, comments: byParagraph(comments, p.number) })),
    { key: "all", label: "All paragraphs", comments },
  ];
  const columns: TableColumn<CountRow>[] = [
    { header: "Paragraph", value: (r) => r.label },
    ...sectors.map((sector): TableColumn<CountRow> => ({ header: sector, value: (r) => bySector(r.comments, sector).length, numeric: true, description: `Comments from ${sector} stakeholders` })),
    { header: "Total", value: (r) => r.comments.length, numeric: true },
    { header: "Public", value: (r) => countComments(r.comments).public, numeric: true },
    { header: "Confidential", value: (r) => countComments(r.comments).confidential, numeric: true, description: "Seen only by the organisers and the author" },
  ];
  return (
    <DataTable
      caption="Comments by paragraph and sector"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      csvName="concord-consultation-comment-counts"
      rowClassName={(r) => (r.key === "all" ? "row-total" : undefined)}
      empty={null}
    />
  );
}

function ParagraphBlock({ paragraph, comments, withComments }: { readonly paragraph: Paragraph; readonly comments: readonly ConsultationComment[]; readonly withComments: boolean }) {
  const own = byParagraph(comments, paragraph.number);
  const bySectorText = sectorCountsText(own);
  return (
    <article className="paragraph" id={`paragraph-${paragraph.number}`} aria-labelledby={`paragraph-${paragraph.number}-label`}>
      <h3 className="paragraph-number" id={`paragraph-${paragraph.number}-label`}>
        ¶ {paragraph.number}
      </h3>
      <div className="paragraph-main">
        <MarkdownHtml html={paragraph.html} className="paragraph-text" />
        <p className="paragraph-counts">
          {countsText(countComments(own))}
          {bySectorText === "" ? "" : `: ${bySectorText}`}
        </p>
        {withComments && own.length > 0 ? <CommentList comments={own} none="" /> : null}
      </div>
    </article>
  );
}

function SectorBlock({ sector, comments }: { readonly sector: CommentSector; readonly comments: readonly ConsultationComment[] }) {
  const own = bySector(comments, sector).sort((a, b) => a.paragraphNumber - b.paragraphNumber || a.createdAt.localeCompare(b.createdAt));
  return (
    <section className="sector-group" aria-labelledby={`sector-${sector}`} data-sector={sector}>
      <h3 id={`sector-${sector}`}>
        {sectorHeading(sector)} <span className="heading-count">{countsText(countComments(own))}</span>
      </h3>
      <CommentList comments={own} showParagraph none={`No comment from ${sector} stakeholders.`} />
    </section>
  );
}

const GROUPINGS = [
  { id: "", label: "By paragraph" },
  { id: "sector", label: "By sector" },
] as const;

/**
 * What the organisers see of the comments (all of them, confidential ones included, as the API sends them to
 * organisers): a count table by paragraph and sector, then the draft with its comments by paragraph, or the comments by
 * sector (the grouping is in the URL: ?group=sector).
 */
export function OrganiserComments({ detail, comments }: { readonly detail: ConsultationDetail; readonly comments: readonly ConsultationComment[] }) {
  const filters = useUrlFilters();
  const group = filters.get("group") === "sector" ? "sector" : "";
  return (
    <>
      <section className="section" aria-labelledby="comment-counts">
        <h2 id="comment-counts">Comments received: {countsText(countComments(comments))}</h2>
        <CountTable paragraphs={detail.paragraphs} comments={comments} />
      </section>
      <nav className="grouping-tabs no-print" aria-label="Group the comments">
        {GROUPINGS.map((g) => (
          <Link key={g.id} to={{ search: g.id === "" ? "" : `?group=${g.id}` }} replace aria-current={group === g.id ? "page" : undefined}>
            {g.label}
          </Link>
        ))}
      </nav>
      {group === "sector" ? (
        <>
          <section className="section" aria-labelledby="comments-by-sector">
            <h2 id="comments-by-sector">Comments by sector</h2>
            {sectorsShown(comments).map((sector) => (
              <SectorBlock key={sector} sector={sector} comments={comments} />
            ))}
          </section>
          <section className="section" aria-labelledby="published-draft">
            <h2 id="published-draft">Published draft ({detail.paragraphs.length} paragraphs)</h2>
            {detail.paragraphs.map((p) => (
              <ParagraphBlock key={p.number} paragraph={p} comments={comments} withComments={false} />
            ))}
          </section>
        </>
      ) : (
        <section className="section" aria-labelledby="published-draft">
          <h2 id="published-draft">Published draft and comments, by paragraph ({detail.paragraphs.length} paragraphs)</h2>
          {detail.paragraphs.map((p) => (
            <ParagraphBlock key={p.number} paragraph={p} comments={comments} withComments />
          ))}
        </section>
      )}
    </>
  );
}
