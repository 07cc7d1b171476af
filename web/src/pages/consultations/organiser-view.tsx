import { use, useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { MarkdownHtml } from "../../components/markdown-html.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { formatUtc } from "../../format/figures.ts";
import { CloseConsultation } from "./close-consultation.tsx";
import { countComments } from "./comment-tally.ts";
import { deadlineDistance, formatMinuteUtc, StatusBadge } from "./consultation-labels.tsx";
import { KIND_LABELS, loadComments, loadConsultation, summaryHref } from "./consultation-queries.ts";
import type { ConsultationDetail } from "./consultation-queries.ts";
import { Confirmation } from "./form-feedback.tsx";
import { InvitationsPanel } from "./invitations-panel.tsx";
import { OrganiserComments } from "./organiser-comments.tsx";
import { RefusedState } from "./refused-state.tsx";

/** Closed by an organiser before its deadline (the deadline then no longer applies). */
function closedEarly(detail: ConsultationDetail): boolean {
  return detail.closedAt !== null && Date.parse(detail.closedAt) < Date.parse(detail.deadline);
}

function KeyFigures({ detail, commentTotals, readAtMs }: { readonly detail: ConsultationDetail; readonly commentTotals: ReturnType<typeof countComments>; readonly readAtMs: number }) {
  const invitations = detail.invitations ?? [];
  const accepted = invitations.filter((i) => i.acceptedAt !== null).length;
  return (
    <div className="key-figures" aria-label="Key figures">
      <div className="key-figure">
        <span className="key-figure-label">Status</span>
        <span className="key-figure-value">
          <StatusBadge consultation={detail} />
        </span>
        <span className="key-figure-note">{detail.status === "closed" ? `closed ${formatMinuteUtc(detail.closedAt)}` : "stakeholders may comment until the deadline"}</span>
      </div>
      <div className="key-figure">
        <span className="key-figure-label">Deadline</span>
        <span className="key-figure-value">{formatMinuteUtc(detail.deadline)}</span>
        <span className="key-figure-note">{closedEarly(detail) ? "closed before the deadline" : deadlineDistance(detail.deadline, readAtMs)}</span>
      </div>
      <div className="key-figure">
        <span className="key-figure-label">Paragraphs</span>
        <span className="key-figure-value">{detail.paragraphs.length}</span>
        <span className="key-figure-note">of the published draft</span>
      </div>
      <div className="key-figure">
        <span className="key-figure-label">Invitations</span>
        <span className="key-figure-value">{invitations.length}</span>
        <span className="key-figure-note">{accepted} accepted</span>
      </div>
      <div className="key-figure">
        <span className="key-figure-label">Comments</span>
        <span className="key-figure-value" data-figure="comments">
          {commentTotals.total}
        </span>
        <span className="key-figure-note">
          {commentTotals.public} public, {commentTotals.confidential} confidential
        </span>
      </div>
    </div>
  );
}

/**
 * The organisers' view of a consultation (admins and analysts): the published draft by numbered paragraph with the
 * comments grouped by paragraph or by sector and their counts, the invitations (invite more, re-send), the internal
 * note and linked position, closing, and the summary export (Markdown and CSV, from the API).
 */
export function OrganiserView({ id, freshness, reload }: { readonly id: number; readonly freshness: string; readonly reload: () => void }) {
  const detailRead = loadConsultation(id, freshness);
  const commentsRead = loadComments(id, freshness);
  const detailResult = use(detailRead);
  const commentsResult = use(commentsRead);
  const location = useLocation();
  const navigate = useNavigate();
  // "Opened" comes once, from the new-consultation form: shown on this visit, dropped from the history entry.
  const [opened] = useState(() => (location.state as { readonly opened?: boolean } | null)?.opened === true);
  useEffect(() => {
    if (opened) void navigate({ search: location.search, hash: location.hash }, { replace: true, state: null });
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
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
  return (
    <>
      <PageHeader
        title={detail.title}
        kicker={
          <>
            <Link to="/consultations">Consultations</Link> · #{detail.id} · {KIND_LABELS[detail.kind]} · opened {formatMinuteUtc(detail.createdAt)}
            {detail.organiser === null ? "" : ` by ${detail.organiser.displayName}`}
          </>
        }
        lead={<p>Organiser view: stakeholders see only the published draft, their own comments and the other invitees' public comments; never the internal note, the linked position or the invitations.</p>}
      />
      {opened ? <Confirmation text="Consultation opened: the draft is published as below. Invite stakeholders to comment." /> : null}
      <KeyFigures detail={detail} commentTotals={countComments(comments)} readAtMs={detailResult.readAtMs} />
      <div className="button-row no-print organiser-actions">
        <a className="button" href={summaryHref(detail.id, "md")} download>
          Export summary (Markdown)
        </a>
        <a className="button button-secondary" href={summaryHref(detail.id, "csv")} download>
          Export summary (CSV)
        </a>
        <CloseConsultation detail={detail} onClosed={reload} />
      </div>
      {detail.internalNote === null && (detail.positionId ?? null) === null ? null : (
        <section className="section internal-box" aria-labelledby="internal">
          <h2 id="internal">Internal (never shown to stakeholders)</h2>
          {detail.positionId === null || detail.positionId === undefined ? null : (
            <p>
              Drafted from <Link to={`/positions/${detail.positionId}`}>position #{detail.positionId}</Link>.
            </p>
          )}
          {detail.internalNote === null || detail.internalNote === undefined ? null : <MarkdownHtml html={detail.internalNote.html} className="internal-note" />}
        </section>
      )}
      <OrganiserComments detail={detail} comments={comments} />
      <InvitationsPanel detail={detail} onChanged={reload} />
      <SourceNote>
        Concord's workspace store: consultation #{detail.id} as published {formatMinuteUtc(detail.createdAt)}, its invitations and every comment received (public and
        confidential); as of {formatUtc(new Date(commentsResult.readAtMs).toISOString())}.
      </SourceNote>
    </>
  );
}
