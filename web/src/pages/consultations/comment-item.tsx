import { MarkdownHtml } from "../../components/markdown-html.tsx";
import { formatMinuteUtc, VisibilityBadge } from "./consultation-labels.tsx";
import type { ConsultationComment } from "./consultation-queries.ts";

/**
 * One comment: its author as invited (name, organisation, sector; the e-mail only where the API sends it, i.e. to the
 * organisers and to the author itself), when, whether it is public or confidential, and its text (the API's sanitised
 * HTML). `showParagraph` names the paragraph (for lists not grouped by paragraph).
 */
export function CommentItem({ comment, showParagraph = false }: { readonly comment: ConsultationComment; readonly showParagraph?: boolean }) {
  const { author } = comment;
  return (
    <li className={`comment comment-${comment.visibility}${comment.mine ? " comment-mine" : ""}`} data-comment-id={comment.id} data-visibility={comment.visibility}>
      <p className="comment-head">
        <VisibilityBadge visibility={comment.visibility} />
        {showParagraph ? <span className="comment-paragraph">on ¶ {comment.paragraphNumber}</span> : null}
        <span className="comment-author">{comment.mine ? `You (${author.displayName})` : author.displayName}</span>
        {author.organisation === null ? null : <span className="comment-meta">{author.organisation}</span>}
        {author.sector === null ? null : <span className="comment-meta">{author.sector}</span>}
        {author.email === undefined || comment.mine ? null : <span className="comment-meta">{author.email}</span>}
        <time className="comment-meta" dateTime={comment.createdAt}>
          {formatMinuteUtc(comment.createdAt)}
        </time>
      </p>
      <MarkdownHtml html={comment.html} className="comment-body" />
    </li>
  );
}

/** A list of comments, or a line saying there is none. */
export function CommentList({ comments, showParagraph = false, none }: { readonly comments: readonly ConsultationComment[]; readonly showParagraph?: boolean; readonly none: string }) {
  if (comments.length === 0) return <p className="muted comment-none">{none}</p>;
  return (
    <ul className="comments">
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment} showParagraph={showParagraph} />
      ))}
    </ul>
  );
}
