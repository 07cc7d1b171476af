import { use, useState } from "react";
import { Link } from "react-router";
import { useSession } from "../../auth/session-context.tsx";
import { MarkdownHtml } from "../../components/markdown-html.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { formatUtc } from "../../format/figures.ts";
import { CommentForm } from "./comment-form.tsx";
import { CommentList } from "./comment-item.tsx";
import { byParagraph, countComments, countsText } from "./comment-tally.ts";
import { deadlineDistance, formatMinuteUtc, StatusBadge } from "./consultation-labels.tsx";
import { KIND_LABELS, loadComments, loadConsultation } from "./consultation-queries.ts";
import type { ConsultationComment, ConsultationDetail } from "./consultation-queries.ts";
import { Confirmation } from "./form-feedback.tsx";
import { RefusedState } from "./refused-state.tsx";

/** "2 comments you can see, 1 of them yours and confidential" (a reader never sees others' confidential comments). */
function visibleCountText(comments: readonly ConsultationComment[]): string {
  if (comments.length === 0) return "No comment you can see yet.";
  const confidential = comments.filter((c) => c.visibility === "confidential").length;
  const base = `${comments.length} comment${comments.length === 1 ? "" : "s"} you can see`;
  return confidential === 0 ? `${base}.` : `${base}, ${confidential} of them yours and confidential.`;
}

function Lead({ detail, stakeholder, mine, readAtMs }: { readonly detail: ConsultationDetail; readonly stakeholder: boolean; readonly mine: readonly ConsultationComment[]; readonly readAtMs: number }) {
  const deadline = `${formatMinuteUtc(detail.deadline)} (${deadlineDistance(detail.deadline, readAtMs)})`;
  return (
    <>
      <p>
        <StatusBadge consultation={detail} />{" "}
        {detail.acceptingComments
          ? `Comments are accepted until ${deadline}.`
          : detail.status === "closed"
            ? `Closed ${formatMinuteUtc(detail.closedAt)}: comments are no longer accepted.`
            : `The deadline ${deadline} has passed: comments are no longer accepted.`}
      </p>
      {stakeholder ? (
        <p>
          {detail.myInvitation === undefined ? "You were invited" : `You were invited as ${detail.myInvitation.organisation} (${detail.myInvitation.sector})`}
          {detail.organiser === null ? "" : ` by ${detail.organiser.displayName}`}. Comment on any paragraph, publicly (every invitee and the organisers read it) or
          confidentially (only the organisers do). You have made {countsText(countComments(mine))}.
        </p>
      ) : (
        <p>Read-only: viewers see the published draft and the public comments; confidential comments and the invitations are for the organisers.</p>
      )}
    </>
  );
}

/**
 * A consultation as a stakeholder (it was invited: the API answers 404 otherwise) or a viewer sees it: the published
 * draft by numbered paragraph and, under each paragraph, the comments the API sends this reader (a stakeholder: its own,
 * public or confidential, and the other invitees' public ones; a viewer: the public ones). A stakeholder comments on a
 * paragraph while the consultation takes comments. Nothing internal is shown because nothing internal is sent.
 */
export function ReaderView({ id, freshness, reload }: { readonly id: number; readonly freshness: string; readonly reload: () => void }) {
  const detailRead = loadConsultation(id, freshness);
  const commentsRead = loadComments(id, freshness);
  const detailResult = use(detailRead);
  const commentsResult = use(commentsRead);
  const { user } = useSession();
  const [posted, setPosted] = useState<{ readonly paragraph: number; readonly message: string } | null>(null);
  if (!detailResult.ok || !commentsResult.ok) {
    return (
      <>
        <PageHeader title={`Consultation #${id}`} />
        {detailResult.ok ? null : <RefusedState error={detailResult.error} what="this consultation" />}
        {detailResult.ok && !commentsResult.ok ? <RefusedState error={commentsResult.error} what="the comments of this consultation" /> : null}
      </>
    );
  }
  const detail = detailResult.value;
  const comments = commentsResult.value;
  const stakeholder = user?.role === "stakeholder";
  const canComment = stakeholder && detail.acceptingComments;
  return (
    <>
      <PageHeader
        title={detail.title}
        kicker={
          <>
            <Link to="/consultations">{stakeholder ? "Your consultations" : "Consultations"}</Link> · consultation on a {KIND_LABELS[detail.kind]}
          </>
        }
        lead={<Lead detail={detail} stakeholder={stakeholder} mine={comments.filter((c) => c.mine)} readAtMs={detailResult.readAtMs} />}
      />
      <section className="section" aria-labelledby="published-draft">
        <h2 id="published-draft">Published draft ({detail.paragraphs.length} paragraphs)</h2>
        {detail.paragraphs.map((paragraph) => {
          const own = byParagraph(comments, paragraph.number);
          return (
            <article key={paragraph.number} className="paragraph" id={`paragraph-${paragraph.number}`} aria-labelledby={`paragraph-${paragraph.number}-label`}>
              <h3 className="paragraph-number" id={`paragraph-${paragraph.number}-label`}>
                ¶ {paragraph.number}
              </h3>
              <div className="paragraph-main">
                <MarkdownHtml html={paragraph.html} className="paragraph-text" />
                <p className="paragraph-counts">{visibleCountText(own)}</p>
                {own.length === 0 ? null : <CommentList comments={own} none="" />}
                {posted?.paragraph === paragraph.number ? <Confirmation text={posted.message} /> : null}
                {canComment ? (
                  <CommentForm
                    consultationId={detail.id}
                    paragraphNumber={paragraph.number}
                    onPosted={(message) => {
                      setPosted({ paragraph: paragraph.number, message });
                      reload();
                    }}
                  />
                ) : null}
              </div>
            </article>
          );
        })}
      </section>
      <SourceNote>
        Consultation #{detail.id}, draft published {formatMinuteUtc(detail.createdAt)}
        {detail.organiser === null ? "" : ` by ${detail.organiser.displayName}`}; comments as of {formatUtc(new Date(commentsResult.readAtMs).toISOString())}.
      </SourceNote>
    </>
  );
}
